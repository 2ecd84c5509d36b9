// How the sitemap is split (sitemaps.org: at most 50,000 URLs and 50 MB per file). One shard per
// language and year of publication (agency time zone): a year's file changes only when a release
// of that year is published or withdrawn, so crawlers and caches keep the others. A year too big
// for one file is split by month, a month too big by numbered parts. Pure.
import type { Locale } from "@/i18n/settings";
import { SLUG_MAX } from "../release/content";
import type { MonthKey } from "./calendar";
import type { MonthCount, YearCount } from "./month-counts";

export const SITEMAP_MAX_URLS = 50_000;
export const SITEMAP_MAX_BYTES = 50 * 1024 * 1024;
/** The shard of the site's own pages (home, lists, categories, archive months), every edition. */
export const PAGES_SHARD = "pages";

export interface Shard {
  name: string;
  locale: Locale;
  /** first and last month it covers (inclusive) */
  from: MonthKey;
  to: MonthKey;
  /** within a single month split in parts: the items to skip (oldest first) */
  offset: number;
  count: number;
}

/** URLs per shard such that even entries with the longest slugs stay under the byte limit. */
export function maxUrlsPerShard(siteUrl: string): number {
  const url = siteUrl.length + "/zh-Hant/news/".length + SLUG_MAX;
  const entry = 200 + 4 * url; // <url>, <loc>, <lastmod> and three xhtml:link alternates
  return Math.min(SITEMAP_MAX_URLS, Math.floor((SITEMAP_MAX_BYTES - 4096) / entry));
}

/**
 * The article shards of one language, oldest first, from its visible counts per year; `monthsOf`
 * gives the months of the years over the limit (only those are split).
 */
export function planShards(
  locale: Locale,
  years: readonly YearCount[],
  monthsOf: ReadonlyMap<number, readonly MonthCount[]>,
  limit: number,
): Shard[] {
  const shards: Shard[] = [];
  for (const { year, count } of [...years].sort((a, b) => a.year - b.year)) {
    if (count <= limit) {
      shards.push({ name: `${locale}-${year}`, locale, from: `${year}-01`, to: `${year}-12`, offset: 0, count });
      continue;
    }
    for (const m of [...(monthsOf.get(year) ?? [])].sort((a, b) => (a.month < b.month ? -1 : 1))) {
      const parts = Math.ceil(m.count / limit);
      for (let p = 0; p < parts; p++) {
        const name = parts === 1 ? `${locale}-${m.month}` : `${locale}-${m.month}-${p + 1}`;
        const n = Math.min(limit, m.count - p * limit);
        shards.push({ name, locale, from: m.month, to: m.month, offset: p * limit, count: n });
      }
    }
  }
  return shards;
}

/** Years too big for one shard: their months must be read to plan. */
export const yearsOverLimit = (years: readonly YearCount[], limit: number) =>
  years.filter((y) => y.count > limit).map((y) => y.year);

/** Names a shard URL may carry; anything else is a 404 without reading the database. */
export const isShardName = (name: string) =>
  name === PAGES_SHARD || /^(zh|zh-Hant|en)-\d{4}(-(0[1-9]|1[0-2])(-[1-9]\d{0,3})?)?$/.test(name);

/** The language of an article shard's name (`zh-Hant-2020` → "zh-Hant"). */
export const shardLocale = (name: string): Locale =>
  name.startsWith("zh-Hant-") ? "zh-Hant" : name.startsWith("en-") ? "en" : "zh";
