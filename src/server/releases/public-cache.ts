import "server-only";
import { unstable_cache } from "next/cache";
import type { Locale } from "@/i18n/settings";
import { TAGS } from "../cache-tags";
import { db } from "../db";

// The cached raw material of the public site. Entries hold every live snapshot, *including*
// embargoed ones, and carry no time-based lifetime: they change only when a tag is revalidated
// (publish, withdraw). The embargo is applied by the readers in public.ts at request time.
// Values go through JSON, so dates are ISO strings here.

export interface IndexRow {
  releaseId: string;
  locale: Locale;
  slug: string;
  title: string;
  summary: string;
  categoryId: string | null;
  featured: boolean;
  publishedAt: string;
  updatedAt: string;
}

export interface ArticleRow extends IndexRow {
  body: string;
}

export interface CategoryRow {
  id: string;
  slug: string;
  nameZh: string;
  nameEn: string;
}

/** Every publication without bodies, newest first. Small: a few hundred bytes per release and language. */
export const loadPublicationIndex = unstable_cache(
  async (): Promise<IndexRow[]> => {
    const rows = await db().publication.findMany({
      orderBy: [{ publishedAt: "desc" }, { releaseId: "asc" }],
      select: {
        releaseId: true,
        locale: true,
        slug: true,
        title: true,
        summary: true,
        categoryId: true,
        publishedAt: true,
        updatedAt: true,
        release: { select: { featured: true } },
      },
    });
    return rows.map(({ release, publishedAt, updatedAt, ...row }) => ({
      ...row,
      featured: release.featured,
      publishedAt: publishedAt.toISOString(),
      updatedAt: updatedAt.toISOString(),
    }));
  },
  ["public-index-v1"],
  { tags: [TAGS.publications] },
);

/** One publication with its body, whether or not its time has come. */
export const loadPublication = unstable_cache(
  async (locale: Locale, slug: string): Promise<ArticleRow | null> => {
    const row = await db().publication.findUnique({
      where: { locale_slug: { locale, slug } },
      include: { release: { select: { featured: true } } },
    });
    if (!row) return null;
    return {
      releaseId: row.releaseId,
      locale: row.locale,
      slug: row.slug,
      title: row.title,
      summary: row.summary,
      categoryId: row.categoryId,
      featured: row.release.featured,
      publishedAt: row.publishedAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      body: row.body,
    };
  },
  ["public-article-v1"],
  { tags: [TAGS.publications] },
);

export const loadCategories = unstable_cache(
  async (): Promise<CategoryRow[]> =>
    db().category.findMany({
      orderBy: [{ position: "asc" }, { slug: "asc" }],
      select: { id: true, slug: true, nameZh: true, nameEn: true },
    }),
  ["public-categories-v1"],
  { tags: [TAGS.categories] },
);

/**
 * Caps the lifetime of whatever is being cached right now (the page or route being rendered) so it
 * expires no later than `until`: a page rendered before an embargo ends is re-rendered once it has.
 * unstable_cache lowers the enclosing render's revalidate time to its own; outside a cached render
 * this does nothing.
 */
export async function expireNoLaterThan(until: Date | null, now: Date): Promise<void> {
  if (!until) return;
  const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  await unstable_cache(() => Promise.resolve(true), ["public-lifetime-cap"], { revalidate: seconds })();
}
