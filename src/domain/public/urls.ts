// Public URLs, in one place: pages, feeds and the API link to each other through these.
import type { Locale } from "@/i18n/settings";
import { monthSegment } from "./paging";

const paged = (base: string, page = 1) => (page > 1 ? `${base}/page/${page}` : base);

export const paths = {
  home: (l: Locale) => `/${l}`,
  news: (l: Locale, page = 1) => paged(`/${l}/news`, page),
  article: (l: Locale, slug: string) => `/${l}/news/${encodeURIComponent(slug)}`,
  category: (l: Locale, slug: string, page = 1) => paged(`/${l}/category/${encodeURIComponent(slug)}`, page),
  archive: (l: Locale) => `/${l}/archive`,
  archiveMonth: (l: Locale, year: number, month: number, page = 1) =>
    paged(`/${l}/archive/${year}/${monthSegment(month)}`, page),
  search: (l: Locale) => `/${l}/search`,
  rss: (l: Locale) => `/${l}/feed.xml`,
  atom: (l: Locale) => `/${l}/atom.xml`,
} as const;

/** A path made absolute against the configured site URL (no trailing slash). */
export const absolute = (siteUrl: string, path: string) => `${siteUrl}${path}`;
