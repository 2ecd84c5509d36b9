"use client";
import { useActionState } from "react";
import { useTranslation } from "react-i18next";
import { Field, FormStatus } from "@/components/admin/field";
import { initialFormState } from "@/domain/form";
import { deleteHantOverrideAction, saveHantOverrideAction } from "@/server/hant/actions";

interface Override {
  id: string;
  wrong: string;
  right: string;
  note: string;
}

/** Add (no override) or edit one fix of the Traditional edition. */
export function HantOverrideForm({ override }: { override?: Override }) {
  const { t } = useTranslation("admin");
  const [state, action, pending] = useActionState(saveHantOverrideAction, initialFormState);
  const v = state.values ?? {};
  const value = (k: keyof Override) => v[k] ?? override?.[k] ?? "";
  return (
    <form action={action} className="stack" noValidate key={state.ok && !override ? "done" : "editing"}>
      {override && <input type="hidden" name="id" value={override.id} />}
      <FormStatus error={state.error} message={state.message} />
      <Field
        label={t("hant.wrong")}
        name="wrong"
        lang="zh-Hant"
        required
        maxLength={100}
        defaultValue={value("wrong")}
        error={state.fieldErrors?.wrong}
      />
      <Field
        label={t("hant.right")}
        name="right"
        lang="zh-Hant"
        required
        maxLength={100}
        defaultValue={value("right")}
        error={state.fieldErrors?.right}
      />
      <Field
        label={t("hant.note")}
        name="note"
        maxLength={500}
        defaultValue={value("note")}
        error={state.fieldErrors?.note}
      />
      <p>
        <button type="submit" disabled={pending}>
          {override ? t("hant.save") : t("hant.add")}
        </button>
      </p>
    </form>
  );
}

export function DeleteHantOverrideButton({ id, label }: { id: string; label: string }) {
  const { t } = useTranslation("admin");
  const [state, action, pending] = useActionState(deleteHantOverrideAction, initialFormState);
  return (
    <form action={action} className="inline-form">
      <input type="hidden" name="id" value={id} />
      <FormStatus error={state.error} message={state.message} />
      <button type="submit" className="danger" disabled={pending} aria-label={`${t("hant.delete")} ${label}`}>
        {t("hant.delete")}
      </button>
    </form>
  );
}
