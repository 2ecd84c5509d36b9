import type { Metadata } from "next";
import { notFound } from "next/navigation";
import type { YearMonth } from "@/domain/public/paging";
import { paths } from "@/domain/public/urls";
import { formatMonth } from "@/i18n/format";
import { getT } from "@/i18n/server";
import type { Locale } from "@/i18n/settings";
import { listByMonth } from "@/server/releases/public";
import { pageMetadata } from "@/server/site-metadata";
import { Pagination } from "../pagination";
import { ReleaseList } from "../release-list";
import { SiteShell } from "../site-shell";

// /{locale}/archive/{yyyy}/{mm} and …/page/{n}. A month with no public release is a 404, so
// crawlers cannot walk an endless calendar.

async function load(locale: Locale, ym: YearMonth, page: number) {
  const result = await listByMonth(locale, ym, page);
  if (!result) notFound();
  const t = getT(locale, "site");
  const base = `${t("archiveTitle")} · ${formatMonth(ym.year, ym.month, locale)}`;
  return { result, title: page > 1 ? `${base} · ${t("pageTitle", { page })}` : base };
}

export async function archiveMonthMetadata(locale: Locale, ym: YearMonth, page: number): Promise<Metadata> {
  const { title } = await load(locale, ym, page);
  return pageMetadata({ locale, pathFor: (l) => paths.archiveMonth(l, ym.year, ym.month, page), title });
}

export async function ArchiveMonthView({ locale, ym, page }: { locale: Locale; ym: YearMonth; page: number }) {
  const { result, title } = await load(locale, ym, page);
  return (
    <SiteShell locale={locale} pathFor={(l) => paths.archiveMonth(l, ym.year, ym.month)}>
      <h1>{title}</h1>
      <ReleaseList locale={locale} items={result.items} />
      <Pagination
        locale={locale}
        page={result.page}
        pages={result.pages}
        hrefFor={(n) => paths.archiveMonth(locale, ym.year, ym.month, n)}
      />
    </SiteShell>
  );
}
