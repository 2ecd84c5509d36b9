import { getT } from "@/i18n/server";
import { requireUser } from "@/server/auth/current";
import { LanguageForm, PasswordForm } from "./account-forms";

export default async function AccountPage() {
  const user = await requireUser();
  const t = getT(user.locale, "admin");
  return (
    <>
      <h1>{t("account.title")}</h1>
      <p>
        {user.displayName} · {user.email} · {t(`roles.${user.role}`)}
      </p>
      <LanguageForm current={user.locale} />
      <PasswordForm />
    </>
  );
}
