import Link from "next/link";
import { AdminSearchForm } from "@/components/search/admin-search-form";
import { Highlighted } from "@/components/search/highlighted";
import { formatDateTime } from "@/i18n/datetime";
import { getT } from "@/i18n/server";
import { requirePermission } from "@/server/auth/current";
import { db } from "@/server/db";
import { env } from "@/server/env";
import { searchWorking } from "@/server/search";

const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : "");

/** Search every working copy (all statuses, both languages), with highlighted snippets. */
export default async function AdminSearchPage({ searchParams }: PageProps<"/admin/search">) {
  const user = await requirePermission("release.read");
  const t = getT(user.locale, "admin");
  const query = await searchParams;
  const q = one(query.q);
  const page = Number(one(query.page) || "1");
  const result = await searchWorking(db(), q, { page: Number.isFinite(page) ? page : 1 });
  const tz = env().NEWSROOM_TIMEZONE;
  const href = (p: number) => `/admin/search?${new URLSearchParams({ q: result.query, page: String(p) })}`;
  return (
    <>
      <h1>{t("search.title")}</h1>
      <AdminSearchForm label={t("search.label")} button={t("search.submit")} q={q} />
      <p role="status">
        {result.rejected
          ? t("search.rejected")
          : t("search.count", {
              count: result.totalIsLowerBound ? `${result.total}+` : result.total,
              query: result.query,
            })}
      </p>
      <ol className="search-results">
        {result.items.map((hit) => (
          <li key={`${hit.releaseId}:${hit.locale}`} lang={hit.locale === "zh" ? "zh-CN" : "en"}>
            <h2>
              <Link
                href={
                  hit.locale === "zh"
                    ? `/admin/releases/${hit.releaseId}`
                    : `/admin/releases/${hit.releaseId}/translate`
                }
              >
                <Highlighted segments={hit.title} />
              </Link>
            </h2>
            <p className="hint">
              {t(`status.${hit.status}`)} · {hit.locale === "zh" ? "中文" : "English"} ·{" "}
              {formatDateTime(hit.date, user.locale, tz)}
            </p>
            <p>
              <Highlighted segments={hit.snippet} />
            </p>
          </li>
        ))}
      </ol>
      {result.pages > 1 && (
        <nav aria-label={t("search.pages")} className="inline-form">
          {result.page > 1 && <Link href={href(result.page - 1)}>{t("audit.newer")}</Link>}
          <span>{t("search.pageOf", { page: result.page, pages: result.pages })}</span>
          {result.page < result.pages && <Link href={href(result.page + 1)}>{t("audit.older")}</Link>}
        </nav>
      )}
    </>
  );
}
