import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getT } from "@/i18n/server";
import { I18nProvider } from "@/i18n/client";
import { otherLocale } from "@/i18n/settings";
import { getCurrentUser, uiLocale } from "@/server/auth/current";
import { chooseLoginLanguageAction } from "@/server/auth/actions";
import { LoginForm } from "./login-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = getT(await uiLocale(), "admin");
  return { title: `${t("login.title")} | ${t("title")}`, robots: { index: false, follow: false } };
}

export default async function LoginPage({ searchParams }: PageProps<"/admin/login">) {
  if (await getCurrentUser()) redirect("/admin");
  const locale = await uiLocale();
  const t = getT(locale, "admin");
  const next = (await searchParams).next;
  return (
    <main id="main" className="login">
      <h1>{t("title")}</h1>
      <h2>{t("login.title")}</h2>
      <I18nProvider locale={locale}>
        <LoginForm next={typeof next === "string" ? next : "/admin"} />
      </I18nProvider>
      <form action={chooseLoginLanguageAction} className="language-choice">
        <input type="hidden" name="locale" value={otherLocale(locale)} />
        <button type="submit" className="link-button" lang={otherLocale(locale) === "zh" ? "zh-CN" : "en"}>
          {t("login.otherLanguage")}
        </button>
      </form>
    </main>
  );
}
