"use client";
import { useActionState } from "react";
import { useTranslation } from "react-i18next";
import { Field, FormStatus } from "@/components/admin/field";
import { initialFormState } from "@/domain/form";
import { changePasswordAction, setLanguageAction } from "@/server/auth/actions";

export function LanguageForm({ current }: { current: "zh" | "en" }) {
  const { t } = useTranslation("admin");
  const [state, action, pending] = useActionState(setLanguageAction, initialFormState);
  return (
    <form action={action} className="stack panel">
      <h2>{t("account.language")}</h2>
      <FormStatus error={state.error} message={state.message} />
      <div className="field">
        <label htmlFor="ui-locale">{t("account.language")}</label>
        <select id="ui-locale" name="locale" defaultValue={current}>
          <option value="zh" lang="zh-CN">
            中文
          </option>
          <option value="en" lang="en">
            English
          </option>
        </select>
      </div>
      <button type="submit" disabled={pending}>
        {t("account.saveLanguage")}
      </button>
    </form>
  );
}

export function PasswordForm() {
  const { t } = useTranslation("admin");
  const [state, action, pending] = useActionState(changePasswordAction, initialFormState);
  return (
    <form action={action} className="stack panel" noValidate>
      <h2>{t("account.changePassword")}</h2>
      <FormStatus error={state.error} message={state.message} />
      <Field
        label={t("account.currentPassword")}
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        error={state.fieldErrors?.currentPassword}
      />
      <Field
        label={t("account.newPassword")}
        name="newPassword"
        type="password"
        autoComplete="new-password"
        error={state.fieldErrors?.newPassword}
      />
      <Field
        label={t("account.confirmPassword")}
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        error={state.fieldErrors?.confirmPassword}
      />
      <button type="submit" disabled={pending}>
        {t("account.submitPassword")}
      </button>
    </form>
  );
}
