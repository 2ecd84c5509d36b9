import "server-only";
import { monthKeyOf } from "@/domain/public/calendar";
import type { Locale } from "@/i18n/settings";
import type { Db } from "../db/client";
import { providerOf } from "../db/provider";
import { env } from "../env";
import type { Tx } from "./write";

// PublicationMonth: how many live publications each month holds, per language and scope ("" for
// all, else a category id), in the agency time zone. Publish and withdraw adjust it in their own
// transaction; ensurePublicCounts() rebuilds it when the time zone changed or the rows disagree
// with the publications (a database written from outside the app). docs/CACHING.md "Data layer".

export interface CountedPublication {
  locale: Locale;
  categoryId: string | null;
  publishedAt: Date;
}

interface Delta {
  locale: Locale;
  scope: string;
  month: string;
  count: number;
  latestAt: Date;
}

const EPOCH = new Date(0);
const scopesOf = (p: CountedPublication) => (p.categoryId ? ["", p.categoryId] : [""]);

function deltasOf(removed: CountedPublication[], added: CountedPublication[], timeZone: string): Delta[] {
  const deltas = new Map<string, Delta>();
  const apply = (p: CountedPublication, count: number) => {
    const month = monthKeyOf(p.publishedAt, timeZone);
    for (const scope of scopesOf(p)) {
      const key = `${p.locale}\u0000${scope}\u0000${month}`;
      const d = deltas.get(key) ?? { locale: p.locale, scope, month, count: 0, latestAt: EPOCH };
      d.count += count;
      if (count > 0 && p.publishedAt > d.latestAt) d.latestAt = p.publishedAt;
      deltas.set(key, d);
    }
  };
  for (const p of removed) apply(p, -1);
  for (const p of added) apply(p, 1);
  return [...deltas.values()];
}

// One atomic upsert per row: concurrent publishes into the same month add up on both engines.
const UPSERT = {
  sqlite: `INSERT INTO "PublicationMonth" ("timeZone", "locale", "scope", "month", "count", "changedAt", "latestAt")
    VALUES (?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT ("timeZone", "locale", "scope", "month") DO UPDATE SET "count" = "count" + excluded."count",
      "changedAt" = excluded."changedAt", "latestAt" = MAX("latestAt", excluded."latestAt")`,
  postgresql: `INSERT INTO "PublicationMonth" ("timeZone", "locale", "scope", "month", "count", "changedAt", "latestAt")
    VALUES ($1, $2::"Locale", $3, $4, $5, $6, $7)
    ON CONFLICT ("timeZone", "locale", "scope", "month") DO UPDATE SET
      "count" = "PublicationMonth"."count" + EXCLUDED."count", "changedAt" = EXCLUDED."changedAt",
      "latestAt" = GREATEST("PublicationMonth"."latestAt", EXCLUDED."latestAt")`,
} as const;

/** Counts out `removed` and in `added` (the live snapshots before and after a publish or withdraw). */
export async function adjustPublicCounts(
  tx: Tx,
  removed: CountedPublication[],
  added: CountedPublication[],
  now: Date,
  timeZone = env().NEWSROOM_TIMEZONE,
): Promise<void> {
  const sql = UPSERT[providerOf(tx)];
  for (const d of deltasOf(removed, added, timeZone)) {
    await tx.$executeRawUnsafe(sql, timeZone, d.locale, d.scope, d.month, d.count, now, d.latestAt);
  }
}

interface Row extends Delta {
  timeZone: string;
  changedAt: Date;
}

/** Recounts every month from the publications (streamed in batches) and replaces the rows at once. */
export async function rebuildPublicCounts(db: Db, timeZone = env().NEWSROOM_TIMEZONE): Promise<number> {
  const rows = new Map<string, Row>();
  let cursor: string | undefined;
  for (;;) {
    const batch = await db.publication.findMany({
      select: { id: true, locale: true, categoryId: true, publishedAt: true, updatedAt: true },
      orderBy: { id: "asc" },
      take: 5_000,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    if (batch.length === 0) break;
    cursor = batch.at(-1)!.id;
    for (const p of batch) {
      const month = monthKeyOf(p.publishedAt, timeZone);
      for (const scope of scopesOf(p)) {
        const key = `${p.locale}\u0000${scope}\u0000${month}`;
        const row = rows.get(key) ?? {
          timeZone,
          locale: p.locale,
          scope,
          month,
          count: 0,
          changedAt: EPOCH,
          latestAt: EPOCH,
        };
        row.count += 1;
        if (p.updatedAt > row.changedAt) row.changedAt = p.updatedAt;
        if (p.publishedAt > row.latestAt) row.latestAt = p.publishedAt;
        rows.set(key, row);
      }
    }
  }
  await db.$transaction(async (tx) => {
    await tx.publicationMonth.deleteMany({});
    const all = [...rows.values()];
    for (let i = 0; i < all.length; i += 1_000) await tx.publicationMonth.createMany({ data: all.slice(i, i + 1_000) });
  });
  return rows.size;
}

/**
 * Rebuilds the counts when they were made in another time zone or disagree with the publications
 * per language and category (one grouped count over the publications, run at start). True when rebuilt.
 */
export async function ensurePublicCounts(db: Db, timeZone = env().NEWSROOM_TIMEZONE): Promise<boolean> {
  const [foreign, stored, actual] = await Promise.all([
    db.publicationMonth.findFirst({ where: { timeZone: { not: timeZone } }, select: { month: true } }),
    db.publicationMonth.groupBy({ by: ["locale", "scope"], where: { timeZone }, _sum: { count: true } }),
    db.publication.groupBy({ by: ["locale", "categoryId"], _count: { _all: true } }),
  ]);
  const want = new Map<string, number>();
  for (const g of actual) {
    for (const scope of g.categoryId ? ["", g.categoryId] : [""]) {
      const key = `${g.locale}\u0000${scope}`;
      want.set(key, (want.get(key) ?? 0) + g._count._all);
    }
  }
  const have = new Map(
    stored.filter((s) => (s._sum.count ?? 0) !== 0).map((s) => [`${s.locale}\u0000${s.scope}`, s._sum.count ?? 0]),
  );
  const same = have.size === want.size && [...want].every(([k, n]) => have.get(k) === n);
  if (!foreign && same) return false;
  await rebuildPublicCounts(db, timeZone);
  return true;
}
