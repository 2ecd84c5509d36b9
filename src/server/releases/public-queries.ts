import "server-only";
import { CONTENT_LOCALES as LOCALES, otherLocale, type ContentLocale as Locale } from "@/i18n/settings";
import { db } from "../db";
import { providerOf } from "../db/provider";
import { env } from "../env";

// The public site's reads, each one indexed query that touches about the rows it returns
// (docs/CACHING.md "Data layer"). Lists run newest first (publishedAt, then releaseId, both
// descending) in the order of the Publication indexes. Uncached: public-cache.ts wraps them.
// Locales here are the languages rows are written in (the Traditional edition reads "zh").
// Dates leave as ISO strings, so a result is the same whether it came through Next's data cache
// (JSON) or not.

const ITEM = {
  releaseId: true,
  locale: true,
  slug: true,
  title: true,
  summary: true,
  categoryId: true,
  featured: true,
  publishedAt: true,
  updatedAt: true,
} as const;

export interface ItemRow {
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

export interface ArticleRow extends ItemRow {
  body: string;
  /** the press contacts and press kit snapshots (JSON), docs/PRESS-KIT.md */
  contacts: string;
  presskit: string;
}

const ARTICLE = { ...ITEM, body: true, contacts: true, presskit: true } as const;

type Dated = { publishedAt: Date; updatedAt: Date };
const wire = <T extends Dated>({ publishedAt, updatedAt, ...rest }: T) => ({
  ...rest,
  publishedAt: publishedAt.toISOString(),
  updatedAt: updatedAt.toISOString(),
});

const NEWEST = [{ publishedAt: "desc" }, { releaseId: "desc" }] as const;

/** Which rows of a language a list covers: all, one category, one featured flag. */
export interface Scope {
  locale: Locale;
  categoryId?: string;
  featured?: true;
}
const scoped = (s: Scope) => ({
  locale: s.locale,
  ...(s.categoryId !== undefined && { categoryId: s.categoryId }),
  ...(s.featured && { featured: true }),
});

/** The next embargo end after `now` (any language): one step along the index of each language. */
export async function nextEmbargoEnd(now: Date): Promise<Date | null> {
  const next = await Promise.all(
    LOCALES.map((locale) =>
      db().publication.findFirst({
        where: { locale, publishedAt: { gt: now } },
        orderBy: { publishedAt: "asc" },
        select: { publishedAt: true },
      }),
    ),
  );
  const times = next.flatMap((r) => (r ? [r.publishedAt.getTime()] : []));
  return times.length ? new Date(Math.min(...times)) : null;
}

/**
 * Stored counts of a language and scope whose period key lies in [from, to]: keys sort "M2020-04"
 * (months) < "T" (all time) < "Y2020" (years), so each kind, and the months from the current one
 * through the total, are one range of the primary key.
 */
export async function storedPeriods(locale: Locale, scope: string, from: string, to: string) {
  const rows = await db().publicationCount.findMany({
    where: { timeZone: env().NEWSROOM_TIMEZONE, locale, scope, period: { gte: from, lte: to } },
    select: { period: true, count: true, latestAt: true, changedAt: true },
  });
  return rows.map((r) => ({ ...r, latestAt: r.latestAt.toISOString(), changedAt: r.changedAt.toISOString() }));
}

export type PeriodRow = Awaited<ReturnType<typeof storedPeriods>>[number];

/** Publications of `scope` in [from, now]: the visible part of the current month. */
export async function countBetween(scope: Scope, from: Date, now: Date): Promise<number> {
  return db().publication.count({ where: { ...scoped(scope), publishedAt: { gte: from, lte: now } } });
}

/**
 * A page of `scope`, newest first: rows published no later than `notAfter`, before `before` and
 * (optionally) from `from` on, skipping `skip` of them. Callers keep `skip` within one month.
 */
export async function pageRows(
  scope: Scope,
  range: { notAfter: Date; before?: Date; from?: Date },
  skip: number,
  take: number,
): Promise<ItemRow[]> {
  const rows = await db().publication.findMany({
    where: {
      ...scoped(scope),
      publishedAt: { ...upTo(range.notAfter, range.before), ...(range.from && { gte: range.from }) },
    },
    orderBy: [...NEWEST],
    skip,
    take,
    select: ITEM,
  });
  return rows.map(wire);
}

/**
 * One upper bound (the engine seeks to it and walks down): no later than `notAfter`, and before
 * `before`. Given both, SQLite may seek to the looser one and filter the other row by row.
 */
function upTo(notAfter: Date, before?: Date): { lte: Date } | { lt: Date } {
  return before && before.getTime() <= notAfter.getTime() ? { lt: before } : { lte: notAfter };
}

/** Keyset page: the rows after (older than) the cursor position, newest first. */
export async function rowsAfter(
  scope: Scope,
  after: { publishedAt: Date; releaseId: string } | null,
  now: Date,
  take: number,
): Promise<ItemRow[]> {
  const notAfter = after && after.publishedAt < now ? after.publishedAt : now;
  const rows = await db().publication.findMany({
    where: {
      ...scoped(scope),
      publishedAt: { lte: notAfter },
      ...(after && { NOT: { publishedAt: after.publishedAt, releaseId: { gte: after.releaseId } } }),
    },
    orderBy: [...NEWEST],
    take,
    select: ITEM,
  });
  return rows.map(wire);
}

/** The newest visible publications with their bodies (feeds). */
export async function newestWithBody(locale: Locale, now: Date, take: number): Promise<ArticleRow[]> {
  const rows = await db().publication.findMany({
    where: { locale, publishedAt: { lte: now } },
    orderBy: [...NEWEST],
    take,
    select: ARTICLE,
  });
  return rows.map(wire);
}

/** One publication with its body, whether or not its time has come (the caller checks). */
export async function articleBySlug(locale: Locale, slug: string): Promise<ArticleRow | null> {
  const row = await db().publication.findUnique({
    where: { locale_slug: { locale, slug } },
    select: ARTICLE,
  });
  return row && wire(row);
}

export async function articleByRelease(locale: Locale, releaseId: string): Promise<ArticleRow | null> {
  const row = await db().publication.findUnique({
    where: { releaseId_locale: { releaseId, locale } },
    select: ARTICLE,
  });
  return row && wire(row);
}

/** The publications of these releases in `locale` (counterparts of a page), by the unique (releaseId, locale). */
export async function itemsOfReleases(locale: Locale, releaseIds: string[]): Promise<ItemRow[]> {
  const out: ItemRow[] = [];
  // Prisma refuses more than 999 parameters per query on SQLite.
  for (let i = 0; i < releaseIds.length; i += 500) {
    const chunk = releaseIds.slice(i, i + 500);
    const rows = await db().publication.findMany({ where: { locale, releaseId: { in: chunk } }, select: ITEM });
    out.push(...rows.map(wire));
  }
  return out;
}

export interface ShardEntry {
  releaseId: string;
  slug: string;
  publishedAt: Date;
  updatedAt: Date;
  /** the same release in the other language, if it has a live snapshot (visible or not) */
  otherSlug: string | null;
  otherAt: Date | null;
}

/**
 * Sitemap entries of a language published in [from, to) and up to now, oldest first, each with
 * its counterpart: one query along the (locale, publishedAt) index, the counterpart looked up per
 * row by the unique (releaseId, locale) (correlated subqueries: a join lets PostgreSQL hash the
 * whole other language, which grows with the archive). Raw SQL: tens of thousands of rows
 * through the model API cost seconds.
 */
export async function shardEntries(
  locale: Locale,
  range: { from: Date; to: Date; now: Date },
  skip: number,
  take: number,
): Promise<ShardEntry[]> {
  const postgres = providerOf(db()) === "postgresql";
  const params: unknown[] = [];
  const p = (value: unknown) => (params.push(value), postgres ? `$${params.length}` : "?");
  const lang = (value: Locale) => (postgres ? `CAST(${p(value)} AS "Locale")` : p(value));
  const twin = (column: string) =>
    `(SELECT o."${column}" FROM "Publication" o WHERE o."releaseId" = p."releaseId" AND o."locale" = ${lang(otherLocale(locale))})`;
  const closed = range.to.getTime() > range.now.getTime(); // the range reaches past now: up to now, inclusive
  const sql = `SELECT p."releaseId" AS "releaseId", p."slug" AS "slug", p."publishedAt" AS "publishedAt",
       p."updatedAt" AS "updatedAt", ${twin("slug")} AS "otherSlug", ${twin("publishedAt")} AS "otherAt"
     FROM "Publication" p
     WHERE p."locale" = ${lang(locale)} AND p."publishedAt" >= ${p(range.from)}
       AND p."publishedAt" ${closed ? "<=" : "<"} ${p(closed ? range.now : range.to)}
     ORDER BY p."publishedAt", p."releaseId" LIMIT ${p(take)} OFFSET ${p(skip)}`;
  type When = Date | string | number;
  type Raw = Omit<ShardEntry, "publishedAt" | "updatedAt" | "otherAt"> & { publishedAt: When; updatedAt: When };
  const rows = await db().$queryRawUnsafe<(Raw & { otherAt: When | null })[]>(sql, ...params);
  return rows.map((r) => ({
    releaseId: r.releaseId,
    slug: r.slug,
    publishedAt: new Date(r.publishedAt),
    updatedAt: new Date(r.updatedAt),
    otherSlug: r.otherSlug ?? null,
    otherAt: r.otherAt === null ? null : new Date(r.otherAt),
  }));
}
