"use client";
import { useRouter } from "next/navigation";
import { useActionState } from "react";
import { useTranslation } from "react-i18next";
import { FormStatus } from "@/components/admin/field";
import { initialFormState } from "@/domain/form";
import { MediaUploadForm } from "@/components/media/upload-form";
import { deleteMediaAction } from "@/server/media/actions";

/** The library's upload form: the new image appears in the list once uploaded. */
export function LibraryUpload() {
  const router = useRouter();
  return <MediaUploadForm onUploaded={() => router.refresh()} />;
}

/** Deletes one unused image after a confirmation. */
export function DeleteMediaButton({ mediaId, label }: { mediaId: string; label: string }) {
  const { t } = useTranslation("admin");
  const [state, action, pending] = useActionState(deleteMediaAction, initialFormState);
  return (
    <form
      action={action}
      onSubmit={(e) => {
        if (!window.confirm(t("media.deleteConfirm"))) e.preventDefault();
      }}
    >
      <input type="hidden" name="mediaId" value={mediaId} />
      <button type="submit" className="secondary" disabled={pending} aria-label={label}>
        {t("media.delete")}
      </button>
      <FormStatus error={state.error} />
    </form>
  );
}
