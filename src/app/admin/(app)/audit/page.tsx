import Link from "next/link";
import { notFound } from "next/navigation";
import { can } from "@/domain/auth/permissions";
import { formatDateTime } from "@/i18n/datetime";
import { getT } from "@/i18n/server";
import { requirePermission } from "@/server/auth/current";
import { db } from "@/server/db";
import { env } from "@/server/env";
import { listAuditEvents } from "@/server/releases/admin-queries";

/** Workflow, sign-in and user administration events, newest first. */
export default async function AuditPage({ searchParams }: PageProps<"/admin/audit">) {
  const user = await requirePermission("audit.read");
  const t = getT(user.locale, "admin");
  const raw = (await searchParams).page;
  const page = typeof raw === "string" && /^[1-9]\d{0,5}$/.test(raw) ? Number(raw) : raw === undefined ? 1 : NaN;
  if (!Number.isInteger(page)) notFound();
  // Failed sign-ins and password checks are for administrators only (docs/SECURITY.md).
  const { events, pages } = await listAuditEvents(db(), page, undefined, {
    securityEvents: can(user.role, "audit.security"),
  });
  if (page > pages) notFound();
  const tz = env().NEWSROOM_TIMEZONE;
  return (
    <>
      <h1>{t("nav.audit")}</h1>
      <table>
        <caption>{t("audit.caption", { page, pages })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("history.time")}</th>
            <th scope="col">{t("audit.actor")}</th>
            <th scope="col">{t("audit.action")}</th>
            <th scope="col">{t("audit.change")}</th>
            <th scope="col">{t("audit.subject")}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr key={e.id}>
              <td>{formatDateTime(e.createdAt, user.locale, tz)}</td>
              <td>{e.actor ? `${e.actor.displayName} <${e.actor.email}>` : t("audit.system")}</td>
              <td>{t(`audit.actions.${e.action.replaceAll(".", "_")}`, { defaultValue: e.action })}</td>
              <td>
                {e.fromStatus || e.toStatus
                  ? `${e.fromStatus ? t(`status.${e.fromStatus}`) : "—"} → ${e.toStatus ? t(`status.${e.toStatus}`) : "—"}`
                  : ""}
              </td>
              <td>
                {e.releaseId ? (
                  <Link href={`/admin/releases/${e.releaseId}`}>{t("audit.release")}</Link>
                ) : (
                  [e.targetEmail, e.detail].filter(Boolean).join(" ")
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <nav aria-label={t("audit.pages")} className="inline-form">
        {page > 1 && <Link href={`/admin/audit?page=${page - 1}`}>{t("audit.newer")}</Link>}
        {page < pages && <Link href={`/admin/audit?page=${page + 1}`}>{t("audit.older")}</Link>}
      </nav>
    </>
  );
}
