import Link from "next/link";
import { BulkXliffLinks } from "@/components/admin/workbench/bulk-xliff-links";
import { formatDateTime } from "@/i18n/datetime";
import { getT } from "@/i18n/server";
import { requirePermission } from "@/server/auth/current";
import { listMyAssignments } from "@/server/assignments/queries";
import { db } from "@/server/db";
import { env } from "@/server/env";

/** The signed-in user's translation assignments by due time (overdue flagged), then recently completed. */
export default async function MyWorkPage() {
  const user = await requirePermission("release.read");
  const t = getT(user.locale, "admin");
  const { open, done } = await listMyAssignments(db(), user.id);
  const tz = env().NEWSROOM_TIMEZONE;
  const now = new Date();
  const title = (a: (typeof open)[number]) => a.release.contents[0]?.title ?? a.releaseId;
  return (
    <>
      <h1>{t("workbench.my.title")}</h1>
      <BulkXliffLinks label={t("workbench.my.bulk")} />
      <table>
        <caption>{t("workbench.my.open", { count: open.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("workbench.my.release")}</th>
            <th scope="col">{t("workbench.my.due")}</th>
            <th scope="col">{t("workbench.my.assignedBy")}</th>
            <th scope="col">{t("workbench.my.state")}</th>
          </tr>
        </thead>
        <tbody>
          {open.map((a) => (
            <tr key={a.id}>
              <td lang="zh-CN">
                <Link href={`/admin/releases/${a.releaseId}/translate`}>{title(a)}</Link>
                {a.note && <p className="hint">{a.note}</p>}
              </td>
              <td>
                {formatDateTime(a.dueAt, user.locale, tz)}
                {a.dueAt < now && <span className="overdue"> {t("workbench.my.overdue")}</span>}
              </td>
              <td>{a.assignedBy?.displayName ?? t("audit.system")}</td>
              <td>{t(a.startedAt ? "workbench.my.started" : "workbench.my.notStarted")}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {open.length === 0 && <p className="hint">{t("workbench.my.none")}</p>}
      {done.length > 0 && (
        <section aria-labelledby="done-h">
          <h2 id="done-h">{t("workbench.my.done")}</h2>
          <ul>
            {done.map((a) => (
              <li key={a.id}>
                <Link href={`/admin/releases/${a.releaseId}/translate`} lang="zh-CN">
                  {title(a)}
                </Link>{" "}
                — {formatDateTime(a.completedAt!, user.locale, tz)}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
