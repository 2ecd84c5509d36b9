"use client";
import type { ContentLocale } from "@/i18n/settings";
import { useActionState } from "react";
import { useTranslation } from "react-i18next";
import { Field, FormStatus } from "@/components/admin/field";
import { MAIL_LANGUAGES } from "@/domain/distribution/languages";
import { initialFormState } from "@/domain/form";
import { subscribeAction } from "@/server/distribution/actions";

const LANGUAGE_LABEL = { zh: "languageZh", en: "languageEn", both: "languageBoth" } as const;

/** The public subscription form: what was typed stays after an error; the answer never says whether the address was known. */
export function SubscribeForm({
  defaultLanguage,
  categories,
}: {
  defaultLanguage: ContentLocale;
  categories: { id: string; name: string }[];
}) {
  const { t } = useTranslation("mail");
  // The permalink is the form's action before hydration (and keeps the HTML valid: no action="").
  const [state, action, pending] = useActionState(subscribeAction, initialFormState, `/${defaultLanguage}/subscribe`);
  const values = state.values ?? {};
  const language = values.language ?? defaultLanguage;
  const chosen = new Set((values.categoryIds ?? "").split(",").filter(Boolean));
  if (state.ok) return <FormStatus message={state.message} />;
  return (
    <form action={action} className="subscribe-form" noValidate>
      <FormStatus error={state.error} errorParams={state.errorParams} />
      <Field
        label={t("subscribe.email")}
        name="email"
        type="email"
        autoComplete="email"
        required
        maxLength={254}
        defaultValue={values.email ?? ""}
        error={state.fieldErrors?.email}
      />
      <fieldset>
        <legend>{t("subscribe.language")}</legend>
        {MAIL_LANGUAGES.map((l) => (
          <label key={l} className="choice">
            <input type="radio" name="language" value={l} defaultChecked={language === l} />{" "}
            {t(`subscribe.${LANGUAGE_LABEL[l]}`)}
          </label>
        ))}
      </fieldset>
      {categories.length > 0 && (
        <fieldset>
          <legend>{t("subscribe.categories")}</legend>
          <p className="hint">{t("subscribe.categoriesHint")}</p>
          {categories.map((c) => (
            <label key={c.id} className="choice">
              <input type="checkbox" name="categoryIds" value={c.id} defaultChecked={chosen.has(c.id)} /> {c.name}
            </label>
          ))}
        </fieldset>
      )}
      <button type="submit" disabled={pending}>
        {t("subscribe.submit")}
      </button>
    </form>
  );
}
