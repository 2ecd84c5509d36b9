import "server-only";
import { PAGES_SHARD, isShardName, maxUrlsPerShard, planShards, type Shard } from "@/domain/public/sitemap-plan";
import { sitemapIndexXml, urlsetXml, type SitemapUrl } from "@/domain/public/sitemap-xml";
import { monthRange, parseMonthKey } from "@/domain/public/calendar";
import { absolute, paths } from "@/domain/public/urls";
import { LANG_TAG, LOCALES, otherLocale, type Locale } from "@/i18n/settings";
import { env } from "./env";
import { monthCounts, publicCategories, type MonthSummary } from "./releases/public";
import { visibility, type Visibility } from "./releases/public-cache";
import { itemsOfReleases, shardRows } from "./releases/public-queries";

// /sitemap.xml is an index of shards (docs/CACHING.md "Sitemap"): /sitemaps/pages.xml (home,
// lists, categories, archive months) and one file of articles per language and year. Each shard
// reads only its own rows (and their counterparts), oldest first.

export const shardPath = (name: string) => `/sitemaps/${name}.xml`;
const limit = () => maxUrlsPerShard(env().SITE_URL);
const latest = (months: readonly MonthSummary[]) =>
  months.reduce<Date | undefined>(
    (max, m) => (!max || new Date(m.lastmod) > max ? new Date(m.lastmod) : max),
    undefined,
  );

async function monthsOf(v: Visibility) {
  const all = await Promise.all(LOCALES.map((l) => monthCounts(l, "", v)));
  return new Map(LOCALES.map((l, i) => [l, all[i]!]));
}

export async function sitemapIndex(now = new Date()): Promise<string> {
  const v = await visibility(now);
  const site = env().SITE_URL;
  const months = await monthsOf(v);
  const entries = [{ loc: absolute(site, shardPath(PAGES_SHARD)), lastmod: latest([...months.values()].flat()) }];
  for (const [locale, list] of months) {
    for (const s of planShards(locale, list, limit())) {
      const covered = list.filter((m) => m.month >= s.from && m.month <= s.to);
      entries.push({ loc: absolute(site, shardPath(s.name)), lastmod: latest(covered) });
    }
  }
  return sitemapIndexXml(entries);
}

/** A shard's XML, or null when no shard has that name today. */
export async function sitemapShard(name: string, now = new Date()): Promise<string | null> {
  if (!isShardName(name)) return null;
  const v = await visibility(now);
  if (name === PAGES_SHARD) return urlsetXml(await pageUrls(v));
  const locale = name.slice(0, 2) as Locale;
  const shard = planShards(locale, await monthCounts(locale, "", v), limit()).find((s) => s.name === name);
  return shard ? urlsetXml(await articleUrls(shard, v)) : null;
}

async function pageUrls(v: Visibility): Promise<SitemapUrl[]> {
  const site = env().SITE_URL;
  const months = await monthsOf(v);
  const lastmod = latest([...months.values()].flat());
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
  const keys = new Set([...months.values()].flat().map((m) => m.month));
  for (const key of [...keys].sort().reverse()) {
    const of = (l: Locale) => months.get(l)!.find((m) => m.month === key);
    const { year, month } = parseMonthKey(key);
    const when = latest(LOCALES.flatMap((l) => of(l) ?? []));
    page((l) => (of(l) ? paths.archiveMonth(l, year, month) : null), when);
  }
  return out;
}

async function articleUrls(shard: Shard, v: Visibility): Promise<SitemapUrl[]> {
  const site = env().SITE_URL;
  const tz = env().NEWSROOM_TIMEZONE;
  const from = monthRange(parseMonthKey(shard.from), tz).from;
  const to = monthRange(parseMonthKey(shard.to), tz).to;
  const rows = await shardRows(shard.locale, { from, to, now: v.now }, shard.offset, limit());
  const other = otherLocale(shard.locale);
  const twins = new Map(
    (
      await itemsOfReleases(
        other,
        rows.map((r) => r.releaseId),
      )
    )
      .filter((t) => Date.parse(t.publishedAt) <= v.now.getTime())
      .map((t) => [t.releaseId, t]),
  );
  return rows.map((r) => {
    const own = { hreflang: LANG_TAG[shard.locale], href: absolute(site, paths.article(shard.locale, r.slug)) };
    const twin = twins.get(r.releaseId);
    const alternates = twin
      ? [own, { hreflang: LANG_TAG[other], href: absolute(site, paths.article(other, twin.slug)) }]
      : [own];
    const lastmod = new Date(Math.max(Date.parse(r.publishedAt), Date.parse(r.updatedAt)));
    return { loc: own.href, lastmod, alternates };
  });
}
