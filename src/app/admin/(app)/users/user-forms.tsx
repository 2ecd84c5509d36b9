"use client";
import { useActionState } from "react";
import { useTranslation } from "react-i18next";
import { ROLES, type Role } from "@/domain/auth/permissions";
import { Field, FormStatus } from "@/components/admin/field";
import { initialFormState } from "@/domain/form";
import { changeRoleAction, createUserAction, resetPasswordAction, setDisabledAction } from "@/server/auth/user-actions";

function RoleSelect({ id, name, defaultValue }: { id: string; name: string; defaultValue: string }) {
  const { t } = useTranslation("admin");
  return (
    <select id={id} name={name} defaultValue={defaultValue}>
      {ROLES.map((r) => (
        <option key={r} value={r}>
          {t(`roles.${r}`)}
        </option>
      ))}
    </select>
  );
}

export function CreateUserForm() {
  const { t } = useTranslation("admin");
  const [state, action, pending] = useActionState(createUserAction, initialFormState);
  const v = state.ok ? {} : (state.values ?? {});
  return (
    <form action={action} className="stack panel" noValidate key={state.ok ? "done" : "editing"}>
      <h2>{t("users.createTitle")}</h2>
      <FormStatus error={state.error} message={state.message} />
      <Field
        label={t("users.email")}
        name="email"
        type="email"
        required
        defaultValue={v.email ?? ""}
        error={state.fieldErrors?.email}
      />
      <Field
        label={t("users.name")}
        name="displayName"
        required
        defaultValue={v.displayName ?? ""}
        error={state.fieldErrors?.displayName}
      />
      <div className="field">
        <label htmlFor="new-user-role">{t("users.role")}</label>
        <RoleSelect id="new-user-role" name="role" defaultValue={v.role ?? "EDITOR"} />
      </div>
      <Field
        label={t("users.initialPassword")}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        error={state.fieldErrors?.password}
      />
      <button type="submit" disabled={pending}>
        {t("users.create")}
      </button>
    </form>
  );
}

export function UserRowForms({
  userId,
  email,
  role,
  disabled,
}: {
  userId: string;
  email: string;
  role: Role;
  disabled: boolean;
}) {
  const { t } = useTranslation("admin");
  const [roleState, roleAction] = useActionState(changeRoleAction, initialFormState);
  const [disableState, disableAction] = useActionState(setDisabledAction, initialFormState);
  const [resetState, resetAction] = useActionState(resetPasswordAction, initialFormState);
  return (
    <>
      <FormStatus error={roleState.error} message={roleState.message} />
      <form action={roleAction} className="inline-form">
        <input type="hidden" name="userId" value={userId} />
        <label className="visually-hidden" htmlFor={`role-${userId}`}>{`${t("users.role")} ${email}`}</label>
        <RoleSelect id={`role-${userId}`} name="role" defaultValue={role} />
        <button type="submit" className="secondary" aria-label={`${t("users.changeRole")} ${email}`}>
          {t("users.changeRole")}
        </button>
      </form>
      <FormStatus error={disableState.error} message={disableState.message} />
      <form action={disableAction} className="inline-form">
        <input type="hidden" name="userId" value={userId} />
        <input type="hidden" name="disabled" value={disabled ? "false" : "true"} />
        <button
          type="submit"
          className={disabled ? "secondary" : "danger"}
          aria-label={`${disabled ? t("users.enable") : t("users.disable")} ${email}`}
        >
          {disabled ? t("users.enable") : t("users.disable")}
        </button>
      </form>
      <FormStatus error={resetState.error} message={resetState.message} />
      <form action={resetAction} className="inline-form">
        <input type="hidden" name="userId" value={userId} />
        <Field
          label={`${t("users.newPassword")} (${email})`}
          name="password"
          type="password"
          autoComplete="new-password"
          error={resetState.fieldErrors?.password}
        />
        <button type="submit" className="secondary" aria-label={`${t("users.resetPassword")} ${email}`}>
          {t("users.resetPassword")}
        </button>
      </form>
    </>
  );
}
