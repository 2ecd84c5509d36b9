import { AdminSearchForm } from "@/components/search/admin-search-form";
import { loadFilteredReleases } from "@/server/releases/dashboard-loader";
import { NewReleaseLink } from "@/components/admin/release/new-release-link";
import { ReleaseFilter } from "@/components/admin/release/release-filter";
import { ReleaseTable } from "@/components/admin/release/release-table";
import { DASHBOARD_GROUPS } from "@/domain/release/dashboard";
import { getT } from "@/i18n/server";
import { requirePermission } from "@/server/auth/current";
import { groupRows } from "@/server/releases/admin-queries";
import { OverdueAssignments } from "@/components/admin/workbench/overdue";
import { listOverdue } from "@/server/assignments/queries";
import { db } from "@/server/db";
import { env } from "@/server/env";
import { formatDateTime } from "@/i18n/datetime";

/** Releases grouped by what needs doing, with counts, most recently changed first. */
export default async function DashboardPage({ searchParams }: PageProps<"/admin">) {
  const user = await requirePermission("release.read");
  const t = getT(user.locale, "admin");
  const { q, categoryId, rows, categories } = await loadFilteredReleases(await searchParams);
  const groups = groupRows(rows);
  const overdue = await listOverdue(db());
  return (
    <>
      <h1>{t("dashboard.title")}</h1>
      <NewReleaseLink role={user.role} locale={user.locale} />
      <AdminSearchForm label={t("search.label")} button={t("search.submit")} q="" />
      {overdue.total > 0 && (
        <OverdueAssignments
          total={overdue.total}
          items={overdue.items.map((a) => ({
            releaseId: a.releaseId,
            title: a.release.contents[0]?.title ?? a.releaseId,
            assignee: a.assignee.displayName,
            due: formatDateTime(a.dueAt, user.locale, env().NEWSROOM_TIMEZONE),
          }))}
          heading={t("workbench.dashboard.overdue", { count: overdue.total })}
          dueLabel={t("workbench.my.due")}
          assigneeLabel={t("workbench.assignments.assignee")}
          releaseLabel={t("workbench.my.release")}
        />
      )}
      <ReleaseFilter locale={user.locale} action="/admin" q={q} categoryId={categoryId} categories={categories} />
      <nav aria-label={t("dashboard.groups")}>
        <ul className="counts">
          {DASHBOARD_GROUPS.map((g) => (
            <li key={g}>
              <a href={`#group-${g}`}>
                {t(`dashboard.group.${g}`)} <span className="count">{groups[g].length}</span>
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {DASHBOARD_GROUPS.map((g) => (
        <section key={g} id={`group-${g}`} aria-labelledby={`group-${g}-h`}>
          <h2 id={`group-${g}-h`}>
            {t(`dashboard.group.${g}`)} ({groups[g].length})
          </h2>
          {groups[g].length === 0 ? (
            <p className="hint">{t("dashboard.empty")}</p>
          ) : (
            <ReleaseTable rows={groups[g]} locale={user.locale} caption={t(`dashboard.group.${g}`)} />
          )}
        </section>
      ))}
    </>
  );
}
