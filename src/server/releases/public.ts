import "server-only";
import { monthOf, paginate, type Paged, type YearMonth } from "@/domain/public/paging";
import type { Locale } from "@/i18n/settings";
import { env } from "../env";
import { noteEmbargoHorizon } from "../front-bridge";
import {
  expireNoLaterThan,
  loadCategories,
  loadPublication,
  loadPublicationIndex,
  type IndexRow,
} from "./public-cache";

// Read models for the public site, pages, feeds, sitemap and API alike: only live snapshots whose
// publication time has passed. The cached data includes embargoed rows; the filter here runs on
// every read, and the lifetime of any cached render is capped at the next embargo's end.

export const PAGE_SIZE = 10;

/** An index row with real dates (the cached row carries ISO strings). */
export interface PublicItem extends Omit<IndexRow, "publishedAt" | "updatedAt"> {
  publishedAt: Date;
  updatedAt: Date;
}

export interface PublicCategory {
  id: string;
  slug: string;
  name: string;
}

const toItem = (row: IndexRow): PublicItem => ({
  ...row,
  publishedAt: new Date(row.publishedAt),
  updatedAt: new Date(row.updatedAt),
});

/** Everything public right now in `locale`, newest first. */
export async function visibleReleases(locale: Locale, now = new Date()): Promise<PublicItem[]> {
  const index = await loadPublicationIndex();
  const t = now.getTime();
  let nextEmbargo: number | null = null;
  const visible: PublicItem[] = [];
  for (const row of index) {
    const at = Date.parse(row.publishedAt);
    if (at > t) nextEmbargo = nextEmbargo === null ? at : Math.min(nextEmbargo, at);
    else if (row.locale === locale) visible.push(toItem(row));
  }
  await expireNoLaterThan(nextEmbargo === null ? null : new Date(nextEmbargo), now);
  noteEmbargoHorizon(nextEmbargo); // responses cached by the server expire then too
  return visible;
}

export async function listPublished(locale: Locale, page = 1, now = new Date()): Promise<Paged<PublicItem> | null> {
  return paginate(await visibleReleases(locale, now), page, PAGE_SIZE);
}

export async function publicCategories(locale: Locale): Promise<PublicCategory[]> {
  const rows = await loadCategories();
  return rows.map((c) => ({ id: c.id, slug: c.slug, name: locale === "zh" ? c.nameZh : c.nameEn }));
}

export async function findCategory(locale: Locale, slug: string): Promise<PublicCategory | null> {
  return (await publicCategories(locale)).find((c) => c.slug === slug) ?? null;
}

export async function listByCategory(locale: Locale, categoryId: string, page = 1, now = new Date()) {
  const all = (await visibleReleases(locale, now)).filter((r) => r.categoryId === categoryId);
  return paginate(all, page, PAGE_SIZE);
}

const sameMonth = (a: YearMonth, b: YearMonth) => a.year === b.year && a.month === b.month;

/** Months with at least one release, newest first, with counts (months in the agency time zone). */
export async function archiveMonths(locale: Locale, now = new Date()) {
  const months: (YearMonth & { count: number })[] = [];
  for (const item of await visibleReleases(locale, now)) {
    const ym = monthOf(item.publishedAt, env().NEWSROOM_TIMEZONE);
    const last = months.at(-1);
    if (last && sameMonth(last, ym)) last.count += 1;
    else months.push({ ...ym, count: 1 });
  }
  return months;
}

export async function listByMonth(locale: Locale, ym: YearMonth, now = new Date()): Promise<PublicItem[]> {
  const tz = env().NEWSROOM_TIMEZONE;
  return (await visibleReleases(locale, now)).filter((r) => sameMonth(monthOf(r.publishedAt, tz), ym));
}

export interface PublicArticle extends PublicItem {
  body: string;
}

/** A public article and, if public too, the same release in the other language. */
export async function getPublishedArticle(locale: Locale, slug: string, now = new Date()) {
  const visible = await visibleReleases(locale, now); // also caps the lifetime at the next embargo
  if (!visible.some((r) => r.slug === slug)) return null;
  const row = await loadPublication(locale, slug);
  if (!row || Date.parse(row.publishedAt) > now.getTime()) return null;
  const article: PublicArticle = { ...toItem(row), body: row.body };
  const counterpart = await counterpartOf(article, now);
  return { article, counterpart };
}

export async function counterpartOf(item: Pick<PublicItem, "releaseId" | "locale">, now = new Date()) {
  const other: Locale = item.locale === "zh" ? "en" : "zh";
  const index = await loadPublicationIndex();
  const row = index.find((r) => r.releaseId === item.releaseId && r.locale === other);
  return row && Date.parse(row.publishedAt) <= now.getTime() ? toItem(row) : null;
}

/** The public article of a release in `locale`, by release id (the API's identifier). */
export async function getPublishedByReleaseId(locale: Locale, releaseId: string, now = new Date()) {
  const item = (await visibleReleases(locale, now)).find((r) => r.releaseId === releaseId);
  return item ? getPublishedArticle(locale, item.slug, now) : null;
}
