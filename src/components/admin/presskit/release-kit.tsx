import type { KitFile } from "@/domain/presskit/kit";
import { formatBytes } from "@/domain/presskit/kit";
import { typeLabel } from "@/domain/presskit/sniff-document";
import { getT } from "@/i18n/server";
import { LANG_TAG, type Locale } from "@/i18n/settings";
import { KitTextForm, RemoveKitFileButton } from "./kit-forms";
import { KitUploadForm } from "./kit-upload";

const OUTCOMES = new Set([
  "added",
  "invalid_input",
  "forbidden",
  "not_found",
  "kit_too_large",
  "kit_type_not_allowed",
  "kit_photo_type",
  "kit_too_many",
  "kit_file_required",
  "media_corrupt",
  "media_too_many_pixels",
  "media_storage_unavailable",
  "media_storage_denied",
  "media_storage_full",
  "media_storage_corrupt",
]);

/** The release page's press kit: documents and photos of the working copy, their texts, uploads. */
export function ReleaseKitPanel(p: {
  releaseId: string;
  files: KitFile[];
  canEdit: boolean;
  locale: Locale;
  outcome?: string;
}) {
  const t = getT(p.locale, "presskit");
  const errors = getT(p.locale, "errors");
  const outcome = p.outcome && OUTCOMES.has(p.outcome) ? p.outcome : undefined;
  const docs = p.files.filter((f) => f.kind === "document");
  const photos = p.files.filter((f) => f.kind === "photo");
  const size = (f: KitFile) => formatBytes(f.bytes, LANG_TAG[p.locale]);
  const row = (f: KitFile) => (
    <tr key={f.id}>
      <th scope="row">
        {f.kind === "photo" ? (
          // eslint-disable-next-line @next/next/no-img-element -- our own route, not next/image (disabled)
          <img
            src={`/presskit/${f.id}/${f.width > 480 ? "w480.webp" : encodeURIComponent(f.fileName)}`}
            alt={t("kit.preview", { name: f.fileName })}
            width={120}
            height={Math.round((120 * f.height) / Math.max(f.width, 1))}
          />
        ) : null}
        <a href={`/presskit/${f.id}/${encodeURIComponent(f.fileName)}`}>{f.fileName}</a>
      </th>
      <td>
        <span lang="zh-CN">{f.titleZh}</span>
        {f.titleEn && (
          <>
            {" "}
            · <span lang="en">{f.titleEn}</span>
          </>
        )}
        {f.creditZh && <> ({f.creditZh})</>}
      </td>
      <td>
        {typeLabel(f.mime)}, {size(f)}
      </td>
      {p.canEdit && (
        <td>
          <details>
            <summary aria-label={t("kit.editLabel", { name: f.fileName })}>{t("kit.edit")}</summary>
            <KitTextForm releaseId={p.releaseId} file={f} />
          </details>
          <RemoveKitFileButton releaseId={p.releaseId} file={f} />
        </td>
      )}
    </tr>
  );
  const table = (files: KitFile[], caption: string, empty: string) =>
    files.length === 0 ? (
      <p>{empty}</p>
    ) : (
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("kit.file")}</th>
            <th scope="col">
              {t("kit.titleZh")} · {t("kit.titleEn")}
            </th>
            <th scope="col">{t("kit.type")}</th>
            {p.canEdit && <th scope="col">{t("kit.actions")}</th>}
          </tr>
        </thead>
        <tbody>{files.map(row)}</tbody>
      </table>
    );
  return (
    <section className="panel" id="presskit" aria-labelledby="presskit-h">
      <h2 id="presskit-h">{t("kit.title")}</h2>
      <p className="hint">{t("kit.hint")}</p>
      <div aria-live="polite" role="status" className="form-status">
        {outcome === "added" && <p className="form-ok">{t("kit.added")}</p>}
        {outcome && outcome !== "added" && <p className="form-error">{errors(outcome)}</p>}
      </div>
      <h3>{t("kit.documents")}</h3>
      {table(docs, t("kit.documents"), t("kit.noDocuments"))}
      <h3>{t("kit.photos")}</h3>
      {table(photos, t("kit.photos"), t("kit.noPhotos"))}
      {p.canEdit && (
        <>
          <KitUploadForm releaseId={p.releaseId} kind="document" locale={p.locale} />
          <KitUploadForm releaseId={p.releaseId} kind="photo" locale={p.locale} />
        </>
      )}
    </section>
  );
}
