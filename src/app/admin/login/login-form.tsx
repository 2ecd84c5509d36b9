"use client";
import { useActionState } from "react";
import { useTranslation } from "react-i18next";
import { Field, FormStatus } from "@/components/admin/field";
import { initialFormState } from "@/domain/form";
import { signInAction } from "@/server/auth/actions";

export function LoginForm({ next }: { next: string }) {
  const { t } = useTranslation("admin");
  const [state, action, pending] = useActionState(signInAction, initialFormState);
  return (
    <form action={action} className="stack" noValidate>
      <FormStatus error={state.error} errorParams={state.errorParams} />
      <input type="hidden" name="next" value={next} />
      <Field
        label={t("login.email")}
        name="email"
        type="email"
        autoComplete="username"
        required
        defaultValue={state.values?.email ?? ""}
        error={state.fieldErrors?.email}
      />
      <Field
        label={t("login.password")}
        name="password"
        type="password"
        autoComplete="current-password"
        required
        error={state.fieldErrors?.password}
      />
      <button type="submit" disabled={pending}>
        {t("login.submit")}
      </button>
    </form>
  );
}
