import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/distribution/admin/action-form";
import { EmbargoForm } from "@/components/distribution/admin/embargo-form";
import { SHOWN_STATES, shownState } from "@/domain/distribution/states";
import { formatDateTime } from "@/i18n/datetime";
import { getT } from "@/i18n/server";
import { requirePermission } from "@/server/auth/current";
import { db } from "@/server/db";
import { revokeGrantAction } from "@/server/distribution/actions";
import { deliveryRecipients, deliverySummary, embargoGrants, listsWithCounts } from "@/server/distribution/queries";
import { env } from "@/server/env";

// Per release: how many emails are queued, sent, deferred, failed, suppressed, and to whom; for a
// scheduled release, the early-access links (send, see who opened, revoke). docs/DISTRIBUTION.md.
export default async function DeliveryPage({ params, searchParams }: PageProps<"/admin/releases/[id]/delivery">) {
  const me = await requirePermission("distribution.manage");
  const t = getT(me.locale, "mail");
  const { id } = await params;
  const after = (await searchParams).after;
  const release = await db().release.findUnique({
    where: { id },
    select: {
      id: true,
      contents: { where: { locale: "zh" }, select: { title: true } },
      publications: { select: { publishedAt: true }, take: 1 },
    },
  });
  if (!release) notFound();
  const tz = env().NEWSROOM_TIMEZONE;
  const scheduledAt =
    release.publications[0] && release.publications[0].publishedAt > new Date()
      ? release.publications[0].publishedAt
      : null;
  const [summary, page, grants, lists] = await Promise.all([
    deliverySummary(db(), id),
    deliveryRecipients(db(), id, typeof after === "string" ? after : undefined),
    embargoGrants(db(), id),
    scheduledAt ? listsWithCounts(db()) : Promise.resolve([]),
  ]);
  return (
    <>
      <p>
        <Link href={`/admin/releases/${id}`}>{t("admin.delivery.back")}</Link>
      </p>
      <h1>{t("admin.delivery.title", { title: release.contents[0]?.title ?? id })}</h1>
      <h2>{t("admin.delivery.counts")}</h2>
      <dl className="counts">
        {SHOWN_STATES.map((s) => (
          <div key={s}>
            <dt>{t(`admin.states.${s}`)}</dt>
            <dd data-state={s}>{summary.counts[s]}</dd>
          </div>
        ))}
      </dl>
      {summary.pendingDispatches > 0 && (
        <p className="hint">{t("admin.delivery.pending", { count: summary.pendingDispatches })}</p>
      )}
      <section className="panel" aria-labelledby="embargo-h">
        <h2 id="embargo-h">{t("admin.embargo.title")}</h2>
        {scheduledAt ? (
          <>
            <p>{t("admin.embargo.intro", { time: formatDateTime(scheduledAt, me.locale, tz) })}</p>
            <EmbargoForm releaseId={id} lists={lists} />
          </>
        ) : (
          <p className="hint">{t("admin.embargo.notScheduled")}</p>
        )}
        <h3>{t("admin.embargo.grants")}</h3>
        {grants.length === 0 ? (
          <p>{t("admin.embargo.noGrants")}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">{t("admin.delivery.email")}</th>
                <th scope="col">{t("admin.embargo.opened")}</th>
                <th scope="col">{t("admin.embargo.lastOpened")}</th>
                <th scope="col">{t("admin.delivery.state")}</th>
              </tr>
            </thead>
            <tbody>
              {grants.map((g) => (
                <tr key={g.id}>
                  <td>
                    {g.name} &lt;{g.email}&gt;
                  </td>
                  <td>{g.opened}</td>
                  <td>{g.lastOpenedAt ? formatDateTime(g.lastOpenedAt, me.locale, tz) : t("admin.embargo.never")}</td>
                  <td>
                    {g.revokedAt ? (
                      t("admin.embargo.revokedOn", { date: formatDateTime(g.revokedAt, me.locale, tz) })
                    ) : (
                      <ActionForm action={revokeGrantAction} fields={{ grantId: g.id }}>
                        <button
                          type="submit"
                          className="secondary"
                          aria-label={`${t("admin.embargo.revoke")} ${g.email}`}
                        >
                          {t("admin.embargo.revoke")}
                        </button>
                      </ActionForm>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <h2>{t("admin.delivery.recipients")}</h2>
      {page.rows.length === 0 ? (
        <p>{t("admin.delivery.none")}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t("admin.delivery.email")}</th>
              <th scope="col">{t("admin.delivery.kind")}</th>
              <th scope="col">{t("admin.delivery.round")}</th>
              <th scope="col">{t("admin.delivery.state")}</th>
              <th scope="col">{t("admin.delivery.attempts")}</th>
              <th scope="col">{t("admin.delivery.detail")}</th>
            </tr>
          </thead>
          <tbody>
            {page.rows.map((m) => (
              <tr key={m.id}>
                <td>{m.name ? `${m.name} <${m.email}>` : m.email}</td>
                <td>{t(`admin.delivery.kinds.${m.kind}`)}</td>
                <td>{m.round}</td>
                <td>{t(`admin.states.${shownState(m.state)}`)}</td>
                <td>{m.attempts}</td>
                <td>{m.lastError ?? (m.lastCode ? String(m.lastCode) : "")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {page.next && (
        <p>
          <Link href={`/admin/releases/${id}/delivery?after=${page.next}`}>{t("admin.delivery.more")}</Link>
        </p>
      )}
    </>
  );
}
