"use client";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Field, FormStatus } from "@/components/admin/field";
import { ACCEPTED_MIME } from "@/domain/media/sniff";
import { MAX_UPLOAD_BYTES } from "@/domain/media/urls";
import type { ClientMedia } from "@/domain/media/schemas";

// Uploads one image with its alt texts to POST /api/media. Errors come back as codes and are shown
// translated; whatever was typed stays in the form until an upload succeeds.

interface UploadState {
  error?: string;
  fieldErrors?: Record<string, string>;
  message?: string;
}

export function MediaUploadForm({ onUploaded }: { onUploaded: (media: ClientMedia) => void }) {
  const { t } = useTranslation("admin");
  const [altZh, setAltZh] = useState("");
  const [altEn, setAltEn] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [state, setState] = useState<UploadState>({});
  const [pending, setPending] = useState(false);
  const [fileKey, setFileKey] = useState(0);
  const headingId = useId();

  async function upload() {
    if (!file) return setState({ fieldErrors: { file: "file_required" } });
    if (file.size > MAX_UPLOAD_BYTES) return setState({ error: "media_too_large" });
    const body = new FormData();
    body.set("file", file);
    body.set("altZh", altZh);
    body.set("altEn", altEn);
    setPending(true);
    try {
      const response = await fetch("/api/media", { method: "POST", body });
      const fallback = { ok: false, error: response.status === 413 ? "media_too_large" : "unknown" };
      const result = (await response.json().catch(() => fallback)) as UploadState & {
        ok: boolean;
        media?: ClientMedia;
      };
      if (result.ok && result.media) {
        setState({ message: "media.uploaded" });
        setAltZh("");
        setAltEn("");
        setFile(null);
        setFileKey((k) => k + 1);
        onUploaded(result.media);
      } else {
        setState(result.fieldErrors ? { fieldErrors: result.fieldErrors } : { error: result.error ?? "unknown" });
      }
    } catch {
      setState({ error: "unknown" });
    } finally {
      setPending(false);
    }
  }

  const fieldErrors = state.fieldErrors ?? {};
  return (
    <form
      className="stack media-upload"
      aria-labelledby={headingId}
      noValidate
      onSubmit={(e) => {
        // React events bubble through the picker's portal: never let this submit the release form.
        e.preventDefault();
        e.stopPropagation();
        void upload();
      }}
    >
      <h2 id={headingId}>{t("media.uploadTitle")}</h2>
      <Field
        label={t("media.file")}
        name="file"
        type="file"
        accept={ACCEPTED_MIME.join(",")}
        key={fileKey}
        error={fieldErrors.file}
        onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
      />
      <Field
        label={t("media.altZh")}
        name="altZh"
        value={altZh}
        onChange={(e) => setAltZh(e.currentTarget.value)}
        error={fieldErrors.altZh}
        hint={t("media.altHint")}
        lang="zh-CN"
        required
      />
      <Field
        label={t("media.altEn")}
        name="altEn"
        value={altEn}
        onChange={(e) => setAltEn(e.currentTarget.value)}
        error={fieldErrors.altEn}
        lang="en"
      />
      <FormStatus error={state.error} message={state.message} />
      <div>
        <button type="submit" disabled={pending}>
          {pending ? t("media.uploading") : t("media.upload")}
        </button>
      </div>
    </form>
  );
}
