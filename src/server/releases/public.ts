import "server-only";
import { monthKey, monthRange, parseMonthKey, type YearMonth } from "@/domain/public/calendar";
import { locate } from "@/domain/public/month-counts";
import { pageCount, pageExists, type Paged } from "@/domain/public/paging";
import type { Convert } from "@/domain/hant/opencc";
import { contentLocaleOf, type ContentLocale, type Locale } from "@/i18n/settings";
import { TAGS, tagFor } from "../cache-tags";
import { env } from "../env";
import { reportCacheTags } from "../front-bridge";
import { textsFor } from "../hant/edition";
import { cachedRead, loadCategories, requestNow, visibility, type Visibility } from "./public-cache";
import { allMonths, monthCount, scopeHead, scopeMonths, scopeYears } from "./public-periods";
import { pageRows, type ItemRow, type Scope } from "./public-queries";

// Read models of the public site's lists, for pages, feeds, sitemap and API alike: only live
// snapshots whose publication time has passed. Each reads the rows it shows plus a few stored
// counts, whatever the size of the archive (docs/CACHING.md "Data layer").

export const PAGE_SIZE = 10;
/** Archive month pages list more per page: a month of a busy agency holds hundreds. */
export const MONTH_PAGE_SIZE = 50;

/** A public item in a site locale: zh-Hant items carry the Chinese slug and converted texts. */
export interface PublicItem extends Omit<ItemRow, "locale" | "publishedAt" | "updatedAt"> {
  locale: Locale;
  publishedAt: Date;
  updatedAt: Date;
}

export interface PublicCategory {
  id: string;
  slug: string;
  name: string;
}

const same: Convert = (text) => text;

/** A row as an item of `locale` (default: its own language), its texts through `t`. */
export const toItem = (row: ItemRow, locale: Locale = row.locale, t: Convert = same): PublicItem => ({
  ...row,
  locale,
  title: t(row.title),
  summary: t(row.summary),
  publishedAt: new Date(row.publishedAt),
  updatedAt: new Date(row.updatedAt),
});

/** Rows of a page as items of `locale`: converted only for the Traditional edition. */
export async function itemsIn(locale: Locale, rows: readonly ItemRow[]): Promise<PublicItem[]> {
  const t = await textsFor(locale);
  return rows.map((row) => toItem(row, locale, t));
}

const tz = () => env().NEWSROOM_TIMEZONE;
const scopeOf = (locale: ContentLocale, categoryId: string): Scope =>
  categoryId ? { locale, categoryId } : { locale };

/**
 * Where the first item of a deep page lies: the year holding it (from the year counts), then its
 * month (from that year's month counts), then the offset within that month. Never a count of the
 * items before it.
 */
async function startOf(locale: ContentLocale, categoryId: string, skip: number, v: Visibility) {
  if (skip === 0) return { before: undefined, skipWithin: 0 };
  const year = locate(await scopeYears(locale, categoryId, v), skip);
  if (!year) return null;
  const y = year.bucket.year;
  const month = locate(await scopeMonths(locale, categoryId, v, `${y}-01`, `${y}-12`), year.skipWithin);
  if (!month) return null;
  return { before: monthRange(parseMonthKey(month.bucket.month), tz()).to, skipWithin: month.skipWithin };
}

/** Page `page` of a newest-first list, or null past its last page (page 1 always exists). */
async function listPage(site: Locale, categoryId: string, page: number, size: number, v: Visibility) {
  const locale = contentLocaleOf(site);
  const { total } = await scopeHead(locale, categoryId, v);
  if (!pageExists(page, total, size)) return null;
  const start = total > 0 ? await startOf(locale, categoryId, (page - 1) * size, v) : null;
  const tag = categoryId ? tagFor.category(locale, categoryId) : tagFor.list(locale);
  const rows = start
    ? await cachedRead(v, ["page", locale, categoryId, page, size, v.horizon], [tag], () =>
        pageRows(scopeOf(locale, categoryId), { notAfter: v.now, before: start.before }, start.skipWithin, size),
      )
    : [];
  const items = await itemsIn(site, rows);
  return { items, page, pages: pageCount(total, size), total } satisfies Paged<PublicItem>;
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

/** Public releases of a language (or a category) in all. */
export async function totalPublished(locale: Locale, categoryId: string | null, now = requestNow()) {
  return (await scopeHead(contentLocaleOf(locale), categoryId ?? "", await visibility(now))).total;
}

/** Months with at least one public release, newest first, with counts (months in the agency time zone). */
export async function archiveMonths(locale: Locale, now = requestNow()): Promise<(YearMonth & { count: number })[]> {
  const months = await allMonths(contentLocaleOf(locale), "", await visibility(now));
  return months.map((m) => ({ ...parseMonthKey(m.month), count: m.count }));
}

/** A page of one archive month, newest first; null when the month has nothing public or the page is past its end. */
export async function listByMonth(site: Locale, ym: YearMonth, page = 1, now = requestNow()) {
  const locale = contentLocaleOf(site);
  const v = await visibility(now);
  const key = monthKey(ym);
  const count = await monthCount(locale, key, v);
  if (count === 0 || !pageExists(page, count, MONTH_PAGE_SIZE)) return null;
  const range = monthRange(ym, tz());
  const skip = (page - 1) * MONTH_PAGE_SIZE;
  const rows = await cachedRead(v, ["month", locale, key, page, v.horizon], [tagFor.month(locale, key)], () =>
    pageRows({ locale }, { notAfter: v.now, before: range.to, from: range.from }, skip, MONTH_PAGE_SIZE),
  );
  return {
    items: await itemsIn(site, rows),
    page,
    pages: pageCount(count, MONTH_PAGE_SIZE),
    total: count,
  } satisfies Paged<PublicItem>;
}

/** The home page's lists: the newest releases and the newest featured ones. */
export async function homeLists(site: Locale, latest: number, featured: number, now = requestNow()) {
  const locale = contentLocaleOf(site);
  const v = await visibility(now);
  const [newest, picked] = await cachedRead(
    v,
    ["home", locale, latest, featured, v.horizon],
    [tagFor.list(locale)],
    () =>
      Promise.all([
        pageRows({ locale }, { notAfter: v.now }, 0, latest),
        pageRows({ locale, featured: true }, { notAfter: v.now }, 0, featured),
      ]),
  );
  return { latest: await itemsIn(site, newest), featured: await itemsIn(site, picked) };
}

export async function publicCategories(locale: Locale): Promise<PublicCategory[]> {
  reportCacheTags([TAGS.categories]);
  const [rows, t] = await Promise.all([loadCategories(), textsFor(locale)]);
  return rows.map((c) => ({ id: c.id, slug: c.slug, name: locale === "en" ? c.nameEn : t(c.nameZh) }));
}

export async function findCategory(locale: Locale, slug: string): Promise<PublicCategory | null> {
  return (await publicCategories(locale)).find((c) => c.slug === slug) ?? null;
}
