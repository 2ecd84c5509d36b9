"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useTranslation } from "react-i18next";
import { restoreRevisionAction } from "@/server/releases/actions";

/** Restores a revision as a new revision, after a confirmation. */
export function RestoreButton({
  releaseId,
  revisionId,
  number,
  version,
}: {
  releaseId: string;
  revisionId: string;
  number: number;
  version: number;
}) {
  const { t } = useTranslation(["admin", "errors"]);
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const restore = () => {
    if (!window.confirm(t("history.confirmRestore", { number }))) return;
    startTransition(async () => {
      const r = await restoreRevisionAction(releaseId, revisionId, version);
      setError(r.ok ? null : r.code);
      if (r.ok) router.refresh();
    });
  };
  return (
    <>
      <button type="button" className="secondary" onClick={restore} disabled={pending}>
        {t("history.restore", { number })}
      </button>
      <span role="status" className="form-error">
        {error && t(error, { ns: "errors" })}
      </span>
    </>
  );
}
