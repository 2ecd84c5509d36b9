"use client";
import { useActionState } from "react";
import { useTranslation } from "react-i18next";
import { Field, FormStatus } from "@/components/admin/field";
import { initialFormState } from "@/domain/form";
import type { KitFile } from "@/domain/presskit/kit";
import { removeKitFileAction, updateKitTextAction } from "@/server/presskit/actions";

/** The texts of one press-kit file: title (documents) or caption and credit (photos), both languages. */
export function KitTextForm({ releaseId, file }: { releaseId: string; file: KitFile }) {
  const { t } = useTranslation("presskit");
  const [state, action, pending] = useActionState(updateKitTextAction, initialFormState);
  const v = state.values ?? {};
  const photo = file.kind === "photo";
  type Text = "titleZh" | "titleEn" | "creditZh" | "creditEn";
  const fields: [Text, string, string][] = [
    ["titleZh", photo ? "captionZh" : "titleZh", "zh-CN"],
    ["titleEn", photo ? "captionEn" : "titleEn", "en"],
  ];
  if (photo) fields.push(["creditZh", "creditZh", "zh-CN"], ["creditEn", "creditEn", "en"]);
  return (
    <form action={action} className="stack" noValidate>
      <input type="hidden" name="releaseId" value={releaseId} />
      <input type="hidden" name="id" value={file.id} />
      <FormStatus error={state.error} message={state.message} />
      {fields.map(([name, label, lang]) => (
        <Field
          key={name}
          label={t(`kit.${label}`)}
          name={name}
          lang={lang}
          defaultValue={v[name] ?? file[name]}
          error={state.fieldErrors?.[name]}
        />
      ))}
      {!photo && (
        <>
          <input type="hidden" name="creditZh" value="" />
          <input type="hidden" name="creditEn" value="" />
        </>
      )}
      <p>
        <button type="submit" disabled={pending}>
          {t("kit.save")}
        </button>
      </p>
    </form>
  );
}

export function RemoveKitFileButton({ releaseId, file }: { releaseId: string; file: KitFile }) {
  const { t } = useTranslation("presskit");
  const [state, run, pending] = useActionState(removeKitFileAction, initialFormState);
  return (
    <form action={run} onSubmit={(e) => void (!window.confirm(t("kit.removeConfirm")) && e.preventDefault())}>
      <input type="hidden" name="releaseId" value={releaseId} />
      <input type="hidden" name="id" value={file.id} />
      <button
        type="submit"
        className="danger"
        disabled={pending}
        aria-label={t("kit.removeLabel", { name: file.fileName })}
      >
        {t("kit.remove")}
      </button>
      <FormStatus error={state.error} />
    </form>
  );
}
