import type { MetadataRoute } from "next";
import { absolute, paths } from "@/domain/public/urls";
import { LANG_TAG, LOCALES, type Locale } from "@/i18n/settings";
import { env } from "@/server/env";
import { PAGE_SIZE, archiveMonths, counterpartOf, publicCategories, visibleReleases } from "@/server/releases/public";

// /sitemap.xml: every public page in both languages, each with its hreflang alternates.
// Built per request from the cached read models (cheap), so it is never older than the data.
export const dynamic = "force-dynamic";

type Entry = MetadataRoute.Sitemap[number];

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const site = env().SITE_URL;
  const now = new Date();
  const out: Entry[] = [];
  // A page that exists in both languages: one entry per language, each listing both.
  const pair = (pathFor: (l: Locale) => string, lastModified?: Date) => {
    const languages = Object.fromEntries(LOCALES.map((l) => [LANG_TAG[l], absolute(site, pathFor(l))]));
    for (const l of LOCALES) out.push({ url: absolute(site, pathFor(l)), lastModified, alternates: { languages } });
  };

  const counts = await Promise.all(LOCALES.map(async (l) => (await visibleReleases(l, now)).length));
  const pages = Math.max(1, ...counts.map((c) => Math.ceil(c / PAGE_SIZE)));
  pair(paths.home);
  for (let p = 1; p <= pages; p++) pair((l) => paths.news(l, p));
  for (const c of await publicCategories("zh")) pair((l) => paths.category(l, c.slug));
  pair(paths.archive);
  for (const m of await archiveMonths("zh", now)) pair((l) => paths.archiveMonth(l, m.year, m.month));

  for (const locale of LOCALES) {
    for (const item of await visibleReleases(locale, now)) {
      const other = await counterpartOf(item, now);
      const languages: Record<string, string> = {
        [LANG_TAG[locale]]: absolute(site, paths.article(locale, item.slug)),
      };
      if (other) languages[LANG_TAG[other.locale]] = absolute(site, paths.article(other.locale, other.slug));
      out.push({ url: languages[LANG_TAG[locale]]!, lastModified: item.updatedAt, alternates: { languages } });
    }
  }
  return out;
}
