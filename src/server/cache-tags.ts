import "server-only";
import { revalidatePath, revalidateTag } from "next/cache";
import type { ContentLocale as Locale } from "@/i18n/settings";
import { purgeResponseCache } from "./front-bridge";

// Tags of the public site's cached data (see docs/CACHING.md "Data layer", "Invalidation"). Every
// cached public read carries `TAGS.publications` (or `TAGS.categories`), which
// revalidatePublicContent() expires (everything); it also carries one of the finer tags below,
// naming what a publish or withdraw of one release can change, which revalidatePublicTags()
// expires (what one change touches: touchedTags() in src/server/releases/touched-tags.ts).
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
  /** the sitemap shards of a language and year (agency time zone); not in the data cache */
  sitemap: (l: Locale, year: string) => `public:sitemap:${l}:${year}`,
} as const;

/** A tag this module names (what a peer may ask an instance to expire). */
export const isPublicTag = (tag: string): boolean =>
  tag.length <= 400 &&
  (tag === TAGS.categories || /^public:(list|months|category|month|article|release|sitemap):/.test(tag));

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

/**
 * Call after a change that touched only these tags (touchedTags(): a publish, withdraw or
 * re-publish of one release). Expires them in Next's data and page caches (pages inherit the tags
 * of the data they read) and in the response cache of this and (with `broadcast`) every other
 * instance; pages that show nothing the change touched stay cached. Same rules as above otherwise.
 */
export function revalidatePublicTags(tags: readonly string[], { broadcast = true }: { broadcast?: boolean } = {}) {
  for (const tag of tags) revalidateTag(tag, { expire: 0 });
  purgeResponseCache(broadcast, tags);
}
