"use client";
import { useActionState } from "react";
import { useTranslation } from "react-i18next";
import { FormStatus } from "@/components/admin/field";
import { initialFormState } from "@/domain/form";
import { sendEmbargoLinksAction } from "@/server/distribution/actions";

/** Sends chosen lists the private early-access link of a scheduled release. */
export function EmbargoForm({
  releaseId,
  lists,
}: {
  releaseId: string;
  lists: { id: string; name: string; count: number }[];
}) {
  const { t } = useTranslation("mail");
  const [state, action, pending] = useActionState(sendEmbargoLinksAction, initialFormState);
  return (
    <form action={action} className="stack">
      <FormStatus error={state.error} message={state.message} />
      <input type="hidden" name="releaseId" value={releaseId} />
      <fieldset>
        <legend>{t("admin.embargo.lists")}</legend>
        {lists.length === 0 && <p className="hint">{t("admin.publish.noLists")}</p>}
        {lists.map((l) => (
          <label key={l.id} className="choice">
            <input type="checkbox" name="listIds" value={l.id} /> {l.name} ({l.count})
          </label>
        ))}
      </fieldset>
      <button type="submit" disabled={pending || lists.length === 0}>
        {t("admin.embargo.send")}
      </button>
    </form>
  );
}
