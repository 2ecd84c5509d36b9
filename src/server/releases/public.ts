import "server-only";
import { monthKey, monthKeyOf, monthRange, monthStart, parseMonthKey, type YearMonth } from "@/domain/public/calendar";
import {
  currentMonthPending,
  locate,
  monthLastmod,
  totalOf,
  visibleMonths,
  type MonthCount,
} from "@/domain/public/month-counts";
import { pageCount, pageExists, type Paged } from "@/domain/public/paging";
import type { Locale } from "@/i18n/settings";
import { tagFor } from "../cache-tags";
import { env } from "../env";
import { cachedRead, loadCategories, requestNow, visibility, type Visibility } from "./public-cache";
import { countBetween, pageRows, storedMonths, type ItemRow, type Scope } from "./public-queries";

// Read models of the public site's lists, for pages, feeds, sitemap and API alike: only live
// snapshots whose publication time has passed. Each reads the rows it shows plus a few month
// counts, whatever the size of the archive (docs/CACHING.md "Data layer").

export const PAGE_SIZE = 10;
/** Archive month pages list more per page: a month of a busy agency holds hundreds. */
export const MONTH_PAGE_SIZE = 50;

export interface PublicItem extends Omit<ItemRow, "publishedAt" | "updatedAt"> {
  publishedAt: Date;
  updatedAt: Date;
}

export interface PublicCategory {
  id: string;
  slug: string;
  name: string;
}

export const toItem = (row: ItemRow): PublicItem => ({
  ...row,
  publishedAt: new Date(row.publishedAt),
  updatedAt: new Date(row.updatedAt),
});

const tz = () => env().NEWSROOM_TIMEZONE;

export interface MonthSummary extends MonthCount {
  /** when its visible content last changed (ISO) */
  lastmod: string;
}

/** Visible publications per month of a language ("" scope) or category, newest first. */
export async function monthCounts(locale: Locale, scope: string, v: Visibility): Promise<MonthSummary[]> {
  const tag = scope ? tagFor.category(locale, scope) : tagFor.months(locale);
  return cachedRead(["months", locale, scope, v.horizon], [tag], async () => {
    const stored = (await storedMonths(locale, scope)).map((m) => ({
      ...m,
      latestAt: new Date(m.latestAt),
      changedAt: new Date(m.changedAt),
    }));
    const current = monthKeyOf(v.now, tz());
    const pending = currentMonthPending(stored, current, v.now);
    const start = monthStart(parseMonthKey(current), tz());
    const live = pending ? await countBetween(scopeOf(locale, scope), start, v.now) : null;
    const byMonth = new Map(stored.map((m) => [m.month, m]));
    return visibleMonths(stored, current, live).map((m) => ({
      ...m,
      lastmod: monthLastmod(byMonth.get(m.month)!, v.now).toISOString(),
    }));
  });
}

const scopeOf = (locale: Locale, categoryId: string): Scope => (categoryId ? { locale, categoryId } : { locale });

/** Page `page` of a newest-first list, or null past its last page (page 1 always exists). */
async function listPage(locale: Locale, categoryId: string, page: number, size: number, v: Visibility) {
  const months = await monthCounts(locale, categoryId, v);
  const total = totalOf(months);
  if (!pageExists(page, total, size)) return null;
  const at = locate(months, (page - 1) * size);
  const tag = categoryId ? tagFor.category(locale, categoryId) : tagFor.list(locale);
  const rows = at
    ? await cachedRead(["page", locale, categoryId, page, size, v.horizon], [tag], () =>
        pageRows(
          scopeOf(locale, categoryId),
          { notAfter: v.now, before: monthRange(parseMonthKey(at.month), tz()).to },
          at.skipWithin,
          size,
        ),
      )
    : [];
  return { items: rows.map(toItem), page, pages: pageCount(total, size), total } satisfies Paged<PublicItem>;
}

export async function listPublished(locale: Locale, page = 1, now = requestNow(), size = PAGE_SIZE) {
  return listPage(locale, "", page, size, await visibility(now));
}

export async function listByCategory(
  locale: Locale,
  categoryId: string,
  page = 1,
  now = requestNow(),
  size = PAGE_SIZE,
) {
  return listPage(locale, categoryId, page, size, await visibility(now));
}

/** Months with at least one public release, newest first, with counts (months in the agency time zone). */
export async function archiveMonths(locale: Locale, now = requestNow()): Promise<(YearMonth & { count: number })[]> {
  const months = await monthCounts(locale, "", await visibility(now));
  return months.map((m) => ({ ...parseMonthKey(m.month), count: m.count }));
}

/** A page of one archive month, newest first; null when the month has nothing public or the page is past its end. */
export async function listByMonth(locale: Locale, ym: YearMonth, page = 1, now = requestNow()) {
  const v = await visibility(now);
  const key = monthKey(ym);
  const count = (await monthCounts(locale, "", v)).find((m) => m.month === key)?.count ?? 0;
  if (count === 0 || !pageExists(page, count, MONTH_PAGE_SIZE)) return null;
  const range = monthRange(ym, tz());
  const rows = await cachedRead(["month", locale, key, page, v.horizon], [tagFor.month(locale, key)], () =>
    pageRows(
      { locale },
      { notAfter: v.now, before: range.to, from: range.from },
      (page - 1) * MONTH_PAGE_SIZE,
      MONTH_PAGE_SIZE,
    ),
  );
  return {
    items: rows.map(toItem),
    page,
    pages: pageCount(count, MONTH_PAGE_SIZE),
    total: count,
  } satisfies Paged<PublicItem>;
}

/** The home page's lists: the newest releases and the newest featured ones. */
export async function homeLists(locale: Locale, latest: number, featured: number, now = requestNow()) {
  const v = await visibility(now);
  const [newest, picked] = await cachedRead(["home", locale, latest, featured, v.horizon], [tagFor.list(locale)], () =>
    Promise.all([
      pageRows({ locale }, { notAfter: v.now }, 0, latest),
      pageRows({ locale, featured: true }, { notAfter: v.now }, 0, featured),
    ]),
  );
  return { latest: newest.map(toItem), featured: picked.map(toItem) };
}

export async function publicCategories(locale: Locale): Promise<PublicCategory[]> {
  const rows = await loadCategories();
  return rows.map((c) => ({ id: c.id, slug: c.slug, name: locale === "zh" ? c.nameZh : c.nameEn }));
}

export async function findCategory(locale: Locale, slug: string): Promise<PublicCategory | null> {
  return (await publicCategories(locale)).find((c) => c.slug === slug) ?? null;
}
