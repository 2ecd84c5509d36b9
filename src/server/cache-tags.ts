import "server-only";
import { revalidatePath, revalidateTag } from "next/cache";
import type { ContentLocale as Locale } from "@/i18n/settings";
import { purgeResponseCache } from "./front-bridge";

// Tags of the public site's cached data (see docs/CACHING.md "Data layer"). Every cached public
// read carries `TAGS.publications` (or `TAGS.categories`), which revalidatePublicContent() expires;
// it also carries one of the finer tags below, naming exactly what a publish or withdraw of one
// release can change, so that invalidation can later be narrowed to them.
export const TAGS = {
  publications: "public:publications",
  categories: "public:categories",
} as const;

// Tags name languages content is written in (ContentLocale): the Traditional edition reads the
// Chinese rows through the same cached reads and converts them, so what expires "zh" expires
// "zh-Hant" with it.
export const tagFor = {
  /** newest-first lists of a language: home, /news pages, feeds, API list pages */
  list: (l: Locale) => `public:list:${l}`,
  /** month counts of a language: page counts, archive index, sitemap index */
  months: (l: Locale) => `public:months:${l}`,
  /** a category's pages and counts in a language */
  category: (l: Locale, categoryId: string) => `public:category:${l}:${categoryId}`,
  /** an archive month's pages ("YYYY-MM", agency time zone) */
  month: (l: Locale, month: string) => `public:month:${l}:${month}`,
  /** one article, looked up by its slug */
  article: (l: Locale, slug: string) => `public:article:${l}:${slug}`,
  /** a release looked up by id: API detail, the counterpart link of its other language */
  release: (releaseId: string) => `public:release:${releaseId}`,
  /** the editors' fixes of the Traditional edition: every zh-Hant text depends on them */
  hantOverrides: "public:hant-overrides",
} as const;

/**
 * Call after any change readers can see: publish, withdraw, re-publish, category edits.
 * Must run inside a Server Action or Route Handler. `expire: 0` means the next request renders
 * fresh data instead of being served the stale page (stale-while-revalidate would leak
 * withdrawn content for one more request). The path revalidation is a catch-all for every
 * page under the site's root layouts, whatever data it read. The production server's response
 * cache is purged too, and with `broadcast` (the default) every other instance on the same
 * PostgreSQL is told to do the same (docs/CACHING.md, "Several instances").
 */
export function revalidatePublicContent({ broadcast = true }: { broadcast?: boolean } = {}): void {
  revalidateTag(TAGS.publications, { expire: 0 });
  revalidateTag(TAGS.categories, { expire: 0 });
  revalidatePath("/", "layout");
  purgeResponseCache(broadcast);
}
