import Link from "next/link";
import type { ReactNode } from "react";
import { can } from "@/domain/auth/permissions";
import { I18nProvider } from "@/i18n/client";
import { getT } from "@/i18n/server";
import { requireUser } from "@/server/auth/current";
import { DraftOwnerProvider } from "@/components/admin/release/local-drafts";
import { SignOutForm } from "@/components/admin/sign-out-form";
import { db } from "@/server/db";
import { COUNT_CAP, unreadCount } from "@/server/notifications/queries";

// The signed-in shell: navigation, who you are, sign out. Pages still check access themselves.
export default async function AdminShell({ children }: { children: ReactNode }) {
  const user = await requireUser();
  const t = getT(user.locale, "admin");
  const unread = await unreadCount(db(), user.id);
  return (
    <I18nProvider locale={user.locale}>
      <a className="skip-link" href="#main">
        {getT(user.locale, "common")("skipToContent")}
      </a>
      <header className="admin-header">
        <nav aria-label={t("nav.label")}>
          <ul>
            <li>
              <Link href="/admin">{t("nav.dashboard")}</Link>
            </li>
            <li>
              <Link href="/admin/releases">{t("nav.releases")}</Link>
            </li>
            <li>
              <Link href="/admin/search">{t("search.submit")}</Link>
            </li>
            <li>
              <Link href="/admin/my">{t("workbench.nav.my")}</Link>
            </li>
            {can(user.role, "hant.manage") && (
              <li>
                <Link href="/admin/hant">{t("hant.nav")}</Link>
              </li>
            )}
            {can(user.role, "glossary.read") && (
              <li>
                <Link href="/admin/glossary">{t("workbench.nav.glossary")}</Link>
              </li>
            )}
            {can(user.role, "tm.read") && (
              <li>
                <Link href="/admin/tm">{t("workbench.nav.tm")}</Link>
              </li>
            )}
            {can(user.role, "media.upload") && (
              <li>
                <Link href="/admin/media">{t("nav.media")}</Link>
              </li>
            )}
            {can(user.role, "contacts.manage") && (
              <li>
                <Link href="/admin/contacts">{getT(user.locale, "presskit")("contacts.nav")}</Link>
              </li>
            )}
            {can(user.role, "audit.read") && (
              <li>
                <Link href="/admin/audit">{t("nav.audit")}</Link>
              </li>
            )}
            {can(user.role, "distribution.manage") && (
              <li>
                <Link href="/admin/distribution">{getT(user.locale, "mail")("admin.nav.distribution")}</Link>
              </li>
            )}
            {can(user.role, "mail.read") && (
              <li>
                <Link href="/admin/mail">{getT(user.locale, "mail")("admin.nav.mail")}</Link>
              </li>
            )}
            {can(user.role, "webhooks.manage") && (
              <li>
                <Link href="/admin/webhooks">{getT(user.locale, "mail")("admin.nav.webhooks")}</Link>
              </li>
            )}
            {can(user.role, "users.manage") && (
              <li>
                <Link href="/admin/users">{t("nav.users")}</Link>
              </li>
            )}
            <li>
              <Link href="/admin/account">{t("nav.account")}</Link>
            </li>
            <li>
              <a href={`/${user.locale}`}>{t("nav.viewSite")}</a>
            </li>
          </ul>
        </nav>
        <div className="who">
          <Link href="/admin/notifications" className="notifications-link">
            {t("workbench.nav.notifications")}{" "}
            <span className="badge">{unread > COUNT_CAP ? `${COUNT_CAP}+` : unread}</span>
            <span className="visually-hidden"> {t("workbench.nav.unread")}</span>
          </Link>
          <span>{t("shell.signedInAs", { name: user.displayName, role: t(`roles.${user.role}`) })}</span>
          <SignOutForm userId={user.id} />
        </div>
      </header>
      <main id="main" className="admin-main">
        <DraftOwnerProvider userId={user.id}>{children}</DraftOwnerProvider>
      </main>
    </I18nProvider>
  );
}
