import Link from "next/link";
import { formatDateTime } from "@/i18n/datetime";
import { getT } from "@/i18n/server";
import type { Locale } from "@/i18n/settings";
import { env } from "@/server/env";
import type { DashboardRow } from "@/server/releases/admin-queries";
import { StatusBadge } from "./status-badge";

/** Releases as a table: Chinese and English titles, status, category, last change. */
export function ReleaseTable({ rows, locale, caption }: { rows: DashboardRow[]; locale: Locale; caption: string }) {
  const t = getT(locale, "admin");
  const tz = env().NEWSROOM_TIMEZONE;
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t("fields.title")}</th>
          <th scope="col">{t("releases.status")}</th>
          <th scope="col">{t("fields.category")}</th>
          <th scope="col">{t("releases.updated")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            <td>
              <Link href={`/admin/releases/${r.id}`} lang="zh-CN">
                {r.zh?.title ?? r.id}
              </Link>
              {r.en ? (
                <div lang="en" className="hint">
                  <Link href={`/admin/releases/${r.id}/translate`}>{r.en.title || t("releases.untitled")}</Link>
                </div>
              ) : (
                <div className="hint">
                  <Link href={`/admin/releases/${r.id}/translate`}>{t("releases.addTranslation")}</Link>
                </div>
              )}
            </td>
            <td>
              <StatusBadge status={r.status} outdated={r.outdated} liveAt={r.liveAt} locale={locale} />
            </td>
            <td>{r.category ? (locale === "zh" ? r.category.nameZh : r.category.nameEn) : "—"}</td>
            <td>{formatDateTime(r.updatedAt, locale, tz)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
