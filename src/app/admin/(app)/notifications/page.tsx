import Link from "next/link";
import { MarkAllReadButton, MarkReadButton } from "@/components/admin/workbench/small-forms";
import { formatDateTime } from "@/i18n/datetime";
import { getT } from "@/i18n/server";
import { requirePermission } from "@/server/auth/current";
import { db } from "@/server/db";
import { env } from "@/server/env";
import { listNotifications } from "@/server/notifications/queries";

const one = (v: string | string[] | undefined) => (typeof v === "string" ? v.slice(0, 100) : "");

/** The signed-in user's notifications, newest first, a page at a time. */
export default async function NotificationsPage({ searchParams }: PageProps<"/admin/notifications">) {
  const user = await requirePermission("release.read");
  const t = getT(user.locale, "admin");
  const query = await searchParams;
  const at = new Date(one(query.at));
  const id = one(query.id);
  const before = id && !Number.isNaN(at.getTime()) ? { at, id } : null;
  const { items, next } = await listNotifications(db(), user.id, before);
  const tz = env().NEWSROOM_TIMEZONE;
  return (
    <>
      <h1>{t("workbench.notifications.title")}</h1>
      {items.some((n) => !n.readAt) && <MarkAllReadButton />}
      <ol className="notifications">
        {items.map((n) => (
          <li key={n.id} className={n.readAt ? "read" : "unread"}>
            <p>
              {!n.readAt && <strong>{t("workbench.notifications.new")} </strong>}
              {t(`workbench.notifications.kind.${n.kind}`, {
                title: n.data.title ?? "",
                due: n.data.dueAt ? formatDateTime(new Date(n.data.dueAt), user.locale, tz) : "",
              })}{" "}
              {n.releaseId && (
                <Link href={`/admin/releases/${n.releaseId}/translate`}>{t("workbench.notifications.open")}</Link>
              )}
            </p>
            <p className="meta">{formatDateTime(n.createdAt, user.locale, tz)}</p>
            {!n.readAt && <MarkReadButton id={n.id} />}
          </li>
        ))}
      </ol>
      {items.length === 0 && <p className="hint">{t("workbench.notifications.none")}</p>}
      {next && (
        <nav aria-label={t("audit.pages")}>
          <Link href={`/admin/notifications?${new URLSearchParams({ at: next.at.toISOString(), id: next.id })}`}>
            {t("workbench.notifications.older")}
          </Link>
        </nav>
      )}
    </>
  );
}
