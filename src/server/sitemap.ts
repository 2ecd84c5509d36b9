import "server-only";
import { monthRange, parseMonthKey } from "@/domain/public/calendar";
import {
  PAGES_SHARD,
  isShardName,
  maxUrlsPerShard,
  planShards,
  shardLocale,
  yearsOverLimit,
  type Shard,
} from "@/domain/public/sitemap-plan";
import { sitemapIndexXml, urlsetXml, type SitemapUrl } from "@/domain/public/sitemap-xml";
import { absolute, paths } from "@/domain/public/urls";
import { CONTENT_LOCALES, LANG_TAG, LOCALES, contentLocaleOf, type Locale } from "@/i18n/settings";
import { tagFor } from "./cache-tags";
import { env } from "./env";
import { reportCacheTags } from "./front-bridge";
import { publicCategories } from "./releases/public";
import { visibility, type Visibility } from "./releases/public-cache";
import { allMonths, scopeHead, scopeMonths, scopeYears } from "./releases/public-periods";
import { shardEntries } from "./releases/public-queries";

// /sitemap.xml is an index of shards (docs/CACHING.md "Sitemap"): /sitemaps/pages.xml (home,
// lists, categories, archive months) and one file of articles per language and year. The index
// reads the year counts; a shard reads only its own rows (and their counterparts), oldest first.
// The Traditional edition has shards of its own (zh-Hant-2020…), planned from and reading the
// Chinese rows: every entry lists all three editions as hreflang alternates.

export const shardPath = (name: string) => `/sitemaps/${name}.xml`;
const limit = () => maxUrlsPerShard(env().SITE_URL);
const latest = (dates: readonly string[]) =>
  dates.length ? new Date(dates.reduce((a, b) => (a > b ? a : b))) : undefined;

/** The article shards of a language, each with when it last changed. */
async function shardsOf(locale: Locale, v: Visibility) {
  const source = contentLocaleOf(locale);
  const years = await scopeYears(source, "", v);
  const big = yearsOverLimit(years, limit());
  const months = new Map(
    await Promise.all(big.map(async (y) => [y, await scopeMonths(source, "", v, `${y}-01`, `${y}-12`)] as const)),
  );
  return planShards(locale, years, months, limit()).map((shard) => {
    const year = Number(shard.from.slice(0, 4));
    const lastmod =
      shard.from === shard.to
        ? months.get(year)?.find((m) => m.month === shard.from)?.lastmod
        : years.find((y) => y.year === year)?.lastmod;
    return { shard, lastmod };
  });
}

export async function sitemapIndex(now = new Date()): Promise<string> {
  const v = await visibility(now);
  const site = env().SITE_URL;
  const heads = await Promise.all(CONTENT_LOCALES.map((l) => scopeHead(l, "", v)));
  const entries = [{ loc: absolute(site, shardPath(PAGES_SHARD)), lastmod: latest(heads.map((h) => h.lastmod)) }];
  for (const locale of LOCALES) {
    for (const { shard, lastmod } of await shardsOf(locale, v)) {
      entries.push({ loc: absolute(site, shardPath(shard.name)), lastmod: latest(lastmod ? [lastmod] : []) });
    }
  }
  return sitemapIndexXml(entries);
}

/** A shard's XML, or null when no shard has that name today. */
export async function sitemapShard(name: string, now = new Date()): Promise<string | null> {
  if (!isShardName(name)) return null;
  const v = await visibility(now);
  if (name === PAGES_SHARD) return urlsetXml(await pageUrls(v));
  const locale = shardLocale(name);
  // An article shard changes only when a release of its language and year does (touchedTags()):
  // it reads the counts only to find its range, so it reports its own tag instead of theirs. The
  // Traditional edition's shards show the original's releases: same tag.
  reportCacheTags([tagFor.sitemap(contentLocaleOf(locale), name.slice(-4))]);
  const found = (await shardsOf(locale, { ...v, reportTags: false })).find((s) => s.shard.name === name);
  return found ? urlsetXml(await articleUrls(found.shard, v)) : null;
}

async function pageUrls(v: Visibility): Promise<SitemapUrl[]> {
  const site = env().SITE_URL;
  const heads = await Promise.all(CONTENT_LOCALES.map((l) => scopeHead(l, "", v)));
  const lastmod = latest(heads.map((h) => h.lastmod));
  const byContent = new Map(
    await Promise.all(CONTENT_LOCALES.map(async (l) => [l, await allMonths(l, "", v)] as const)),
  );
  const months = new Map(LOCALES.map((l) => [l, byContent.get(contentLocaleOf(l))!]));
  const out: SitemapUrl[] = [];
  // One entry per language that has the page, each listing every language that has it.
  const page = (pathFor: (l: Locale) => string | null, when = lastmod) => {
    const langs = LOCALES.filter((l) => pathFor(l) !== null);
    const alternates = langs.map((l) => ({ hreflang: LANG_TAG[l], href: absolute(site, pathFor(l)!) }));
    for (const l of langs) out.push({ loc: absolute(site, pathFor(l)!), lastmod: when, alternates });
  };
  page(paths.home);
  page((l) => paths.news(l));
  page(paths.archive);
  for (const c of await publicCategories("zh")) page((l) => paths.category(l, c.slug));
  const keys = [...new Set([...months.values()].flat().map((m) => m.month))].sort().reverse();
  for (const key of keys) {
    const of = (l: Locale) => months.get(l)!.find((m) => m.month === key);
    const { year, month } = parseMonthKey(key);
    const when = latest(LOCALES.flatMap((l) => of(l)?.lastmod ?? []));
    page((l) => (of(l) ? paths.archiveMonth(l, year, month) : null), when);
  }
  return out;
}

async function articleUrls(shard: Shard, v: Visibility): Promise<SitemapUrl[]> {
  const site = env().SITE_URL;
  const tz = env().NEWSROOM_TIMEZONE;
  const from = monthRange(parseMonthKey(shard.from), tz).from;
  const to = monthRange(parseMonthKey(shard.to), tz).to;
  const source = contentLocaleOf(shard.locale);
  const rows = await shardEntries(source, { from, to, now: v.now }, shard.offset, limit());
  // Both Chinese editions carry the original's slug.
  const link = (l: Locale, slug: string) => ({ hreflang: LANG_TAG[l], href: absolute(site, paths.article(l, slug)) });
  return rows.map((r) => {
    const twin = r.otherSlug !== null && r.otherAt !== null && r.otherAt <= v.now;
    const slugOf = (l: Locale) => (contentLocaleOf(l) === source ? r.slug : twin ? r.otherSlug! : undefined);
    const alternates = LOCALES.flatMap((l) => {
      const slug = slugOf(l);
      return slug ? [link(l, slug)] : [];
    });
    const lastmod = r.updatedAt > r.publishedAt ? r.updatedAt : r.publishedAt;
    return { loc: link(shard.locale, r.slug).href, lastmod, alternates };
  });
}
