"use client";
import { useActionState } from "react";
import { useTranslation } from "react-i18next";
import { Field, FormStatus } from "@/components/admin/field";
import type { Contact } from "@/domain/contacts/contact";
import { initialFormState, type FormState } from "@/domain/form";
import { deleteContactAction, releaseContactAction, saveContactAction } from "@/server/contacts/actions";

const FIELDS = [
  ["nameZh", "zh-CN", true],
  ["nameEn", "en", true],
  ["titleZh", "zh-CN", false],
  ["titleEn", "en", false],
  ["phone", undefined, false],
  ["email", undefined, false],
] as const;

/** Create (no contact) or edit one press contact. */
export function ContactForm({ contact }: { contact?: Contact }) {
  const { t } = useTranslation("presskit");
  const [state, action, pending] = useActionState(saveContactAction, initialFormState);
  const v = state.values ?? {};
  return (
    <form action={action} className="stack" noValidate key={state.ok && !contact ? "done" : "editing"}>
      {contact && <input type="hidden" name="id" value={contact.id} />}
      <FormStatus error={state.error} message={state.message} />
      {FIELDS.map(([name, lang, required]) => (
        <Field
          key={name}
          label={t(`contacts.${name}`)}
          name={name}
          lang={lang}
          required={required}
          type={name === "email" ? "email" : name === "phone" ? "tel" : "text"}
          defaultValue={v[name] ?? contact?.[name] ?? ""}
          error={state.fieldErrors?.[name]}
        />
      ))}
      <p>
        <button type="submit" disabled={pending}>
          {contact ? t("contacts.save") : t("contacts.add")}
        </button>
      </p>
    </form>
  );
}

function OneButton(p: {
  action: (prev: FormState, data: FormData) => Promise<FormState>;
  hidden: Record<string, string>;
  label: string;
  ariaLabel: string;
  confirm?: string;
}) {
  const [state, run, pending] = useActionState(p.action, initialFormState);
  return (
    <form action={run} onSubmit={(e) => void (p.confirm && !window.confirm(p.confirm) && e.preventDefault())}>
      {Object.entries(p.hidden).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <button type="submit" className="danger" disabled={pending} aria-label={p.ariaLabel}>
        {p.label}
      </button>
      <FormStatus error={state.error} />
    </form>
  );
}

export function DeleteContactButton({ contact }: { contact: Contact }) {
  const { t } = useTranslation("presskit");
  return (
    <OneButton
      action={deleteContactAction}
      hidden={{ id: contact.id }}
      label={t("contacts.delete")}
      ariaLabel={t("contacts.deleteLabel", { name: contact.nameZh })}
      confirm={t("contacts.deleteConfirm")}
    />
  );
}

export function RemoveReleaseContactButton({ releaseId, contact }: { releaseId: string; contact: Contact }) {
  const { t } = useTranslation("presskit");
  return (
    <OneButton
      action={releaseContactAction}
      hidden={{ releaseId, contactId: contact.id, remove: "1" }}
      label={t("contacts.release.remove")}
      ariaLabel={t("contacts.release.removeLabel", { name: contact.nameZh })}
    />
  );
}

/** Names one more contact of the address book on the release. */
export function AddReleaseContactForm({ releaseId, choices }: { releaseId: string; choices: Contact[] }) {
  const { t } = useTranslation("presskit");
  const [state, action, pending] = useActionState(releaseContactAction, initialFormState);
  return (
    <form action={action} className="inline-form">
      <input type="hidden" name="releaseId" value={releaseId} />
      <label htmlFor="release-contact">{t("contacts.release.choose")}</label>
      <select id="release-contact" name="contactId" required>
        {choices.map((c) => (
          <option key={c.id} value={c.id}>
            {c.nameZh} · {c.nameEn}
            {c.titleZh ? ` (${c.titleZh})` : ""}
          </option>
        ))}
      </select>
      <button type="submit" disabled={pending}>
        {t("contacts.release.add")}
      </button>
      <FormStatus error={state.error} message={state.message} />
    </form>
  );
}
