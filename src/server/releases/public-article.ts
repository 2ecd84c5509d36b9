import "server-only";
import { parseContacts, type PublicContact } from "@/domain/contacts/contact";
import type { Cursor } from "@/domain/public/cursor";
import { parseKit, type PublicKitFile } from "@/domain/presskit/kit";
import { convertDocJson } from "@/domain/hant/doc";
import type { Convert } from "@/domain/hant/opencc";
import { contentLocaleOf, otherLocale, type Locale } from "@/i18n/settings";
import { textsFor } from "../hant/edition";
import { tagFor } from "../cache-tags";
import { cachedRead, requestNow, visibility, type Visibility } from "./public-cache";
import {
  articleByRelease,
  articleBySlug,
  itemsOfReleases,
  newestWithBody,
  rowsAfter,
  type ArticleRow,
} from "./public-queries";
import { itemsIn, toItem, type PublicItem } from "./public";

// Read models of single articles (by slug, by release id), their counterparts in the other
// language, the feeds' newest articles and the API's keyset pages. All by unique or indexed keys.

export interface PublicArticle extends PublicItem {
  body: string;
  contacts: PublicContact[];
  presskit: PublicKitFile[];
}

const visibleAt = (at: string, now: Date) => Date.parse(at) <= now.getTime();
const toArticle = ({ body, contacts, presskit, ...row }: ArticleRow, locale: Locale, t: Convert): PublicArticle => ({
  ...toItem(row, locale, t),
  body: locale === row.locale ? body : convertDocJson(body, t),
  contacts: parseContacts(contacts),
  presskit: parseKit(presskit),
});

/**
 * The same releases in the other language, where public too: one query by the unique
 * (releaseId, locale) for the whole list. Keyed by release id.
 */
export async function counterpartsOf(items: readonly PublicItem[], v: Visibility): Promise<Map<string, PublicItem>> {
  const out = new Map<string, PublicItem>();
  const locale = items[0]?.locale;
  if (!locale) return out;
  const rows = await itemsOfReleases(
    otherLocale(locale),
    items.map((i) => i.releaseId),
  );
  for (const row of rows) if (visibleAt(row.publishedAt, v.now)) out.set(row.releaseId, toItem(row));
  return out;
}

async function withCounterpart(row: ArticleRow | null, v: Visibility, locale: Locale) {
  if (!row || !visibleAt(row.publishedAt, v.now)) return null;
  const article = toArticle(row, locale, await textsFor(locale));
  const other = otherLocale(article.locale);
  const twin = await cachedRead(v, ["release", article.releaseId, other], [tagFor.release(article.releaseId)], () =>
    itemsOfReleases(other, [article.releaseId]),
  );
  const counterpart = twin[0] && visibleAt(twin[0].publishedAt, v.now) ? toItem(twin[0]) : null;
  return { article, counterpart };
}

/** A public article and, if public too, the same release in the other language. */
export async function getPublishedArticle(locale: Locale, slug: string, now = requestNow()) {
  const v = await visibility(now); // also caps the lifetime at the next embargo
  const source = contentLocaleOf(locale);
  const row = await cachedRead(v, ["article", source, slug], [tagFor.article(source, slug)], () =>
    articleBySlug(source, slug),
  );
  return withCounterpart(row, v, locale);
}

/** The public article of a release in `locale`, by release id (the API's identifier). */
export async function getPublishedByReleaseId(locale: Locale, releaseId: string, now = requestNow()) {
  const v = await visibility(now);
  const source = contentLocaleOf(locale);
  const row = await cachedRead(v, ["by-release", releaseId, source], [tagFor.release(releaseId)], () =>
    articleByRelease(source, releaseId),
  );
  return withCounterpart(row, v, locale);
}

/** The newest public articles of a language, with their bodies (feeds). */
export async function newestArticles(locale: Locale, count: number, now = requestNow()): Promise<PublicArticle[]> {
  const v = await visibility(now);
  const source = contentLocaleOf(locale);
  const rows = await cachedRead(v, ["newest", source, count, v.horizon], [tagFor.list(source)], () =>
    newestWithBody(source, v.now, count),
  );
  const t = await textsFor(locale);
  return rows.map((row) => toArticle(row, locale, t));
}

/**
 * Up to `limit` public items after the cursor (from the newest without one), and whether more
 * follow. A keyset page: the same cost at any depth.
 */
export async function listAfter(
  site: Locale,
  categoryId: string | null,
  cursor: Cursor | null,
  limit: number,
  now = requestNow(),
) {
  const v = await visibility(now);
  const locale = contentLocaleOf(site);
  const key = ["after", locale, categoryId, cursor?.publishedAt.getTime() ?? null, cursor?.releaseId ?? null];
  const tag = categoryId ? tagFor.category(locale, categoryId) : tagFor.list(locale);
  const scope = categoryId ? { locale, categoryId } : { locale };
  const rows = await cachedRead(v, [...key, limit, v.horizon], [tag], () => rowsAfter(scope, cursor, v.now, limit + 1));
  return { items: await itemsIn(site, rows.slice(0, limit)), more: rows.length > limit, visibility: v };
}
