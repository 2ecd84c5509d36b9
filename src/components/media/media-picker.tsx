"use client";
import { useEffect, useId, useRef, useState } from "react";
import { createPortal } from "react-dom";
import { useTranslation } from "react-i18next";
import type { ClientMedia } from "@/domain/media/schemas";
import { EXTENSION, type AcceptedMime } from "@/domain/media/sniff";
import { mediaUrl, originalFile, thumbnailUrl } from "@/domain/media/urls";
import { MediaUploadForm } from "./upload-form";

// The editor's "Image" dialog: upload a new image or choose one already uploaded, check the alt
// text for this document's language, insert. Rendered into <body> so its forms never nest inside
// the release form.

export interface ImageToInsert {
  src: string;
  alt: string;
  width: number;
  height: number;
}

export function MediaPicker({
  locale,
  onClose,
  onInsert,
}: {
  locale: "zh" | "en";
  onClose: () => void;
  onInsert: (image: ImageToInsert) => void;
}) {
  const { t } = useTranslation("admin");
  const dialog = useRef<HTMLDialogElement>(null);
  const [items, setItems] = useState<ClientMedia[] | null>(null);
  const [loadFailed, setLoadFailed] = useState(false);
  const [selected, setSelected] = useState<ClientMedia | null>(null);
  const [alt, setAlt] = useState("");
  const titleId = useId();
  const altId = useId();

  useEffect(() => {
    dialog.current?.showModal();
    let live = true;
    fetch("/api/media", { cache: "no-store" })
      .then((r) => r.json() as Promise<{ ok: boolean; media?: ClientMedia[] }>)
      .then((r) => live && (r.ok ? setItems(r.media ?? []) : setLoadFailed(true)))
      .catch(() => live && setLoadFailed(true));
    return () => {
      live = false;
    };
  }, []);

  const choose = (m: ClientMedia) => {
    setSelected(m);
    setAlt(locale === "zh" ? m.altZh : m.altEn);
  };
  const insert = () => {
    if (!selected || !alt.trim()) return;
    const ext = EXTENSION[selected.mime as AcceptedMime];
    if (!ext) return;
    onInsert({
      src: mediaUrl(selected.id, originalFile(selected.mime as AcceptedMime)),
      alt: alt.trim(),
      width: selected.width,
      height: selected.height,
    });
  };

  return createPortal(
    <dialog ref={dialog} className="media-dialog" aria-labelledby={titleId} onCancel={onClose} onClose={onClose}>
      <h2 id={titleId}>{t("media.dialogTitle")}</h2>
      <MediaUploadForm
        onUploaded={(m) => {
          setItems((list) => [m, ...(list ?? [])]);
          choose(m);
        }}
      />
      <section aria-label={t("media.choose")}>
        <h3>{t("media.choose")}</h3>
        {loadFailed && <p className="form-error">{t("media.loadFailed")}</p>}
        {!items && !loadFailed && <p>{t("media.loading")}</p>}
        {items?.length === 0 && <p>{t("media.empty")}</p>}
        <ul className="media-grid">
          {items?.map((m) => (
            <li key={m.id}>
              <button
                type="button"
                className="media-choice"
                aria-pressed={selected?.id === m.id}
                onClick={() => choose(m)}
              >
                {/* eslint-disable-next-line @next/next/no-img-element -- staff-only media, served privately */}
                <img src={thumbnailUrl(m)} alt={m.altZh} width={m.width} height={m.height} loading="lazy" />
              </button>
            </li>
          ))}
        </ul>
      </section>
      {selected && (
        <section className="panel stack" aria-label={t("media.selected")}>
          <div className="field">
            <label htmlFor={altId}>{t(locale === "zh" ? "media.altForZh" : "media.altForEn")}</label>
            <input
              id={altId}
              value={alt}
              lang={locale === "zh" ? "zh-CN" : "en"}
              onChange={(e) => setAlt(e.currentTarget.value)}
              aria-invalid={alt.trim() ? undefined : true}
            />
            {!alt.trim() && <p className="field-error">{t("media.altNeeded")}</p>}
          </div>
        </section>
      )}
      <div className="actions">
        <button type="button" onClick={insert} disabled={!selected || !alt.trim()}>
          {t("media.insert")}
        </button>{" "}
        <button type="button" className="secondary" onClick={onClose}>
          {t("media.cancel")}
        </button>
      </div>
    </dialog>,
    document.body,
  );
}
