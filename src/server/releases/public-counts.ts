import "server-only";
import { monthKeyOf } from "@/domain/public/calendar";
import { TOTAL, periodsOf } from "@/domain/public/month-counts";
import type { Locale } from "@/i18n/settings";
import type { Db } from "../db/client";
import { providerOf } from "../db/provider";
import { env } from "../env";
import type { Tx } from "./transaction";

// PublicationCount: how many live publications each period (all time, year, month in the agency
// time zone) holds, per language and scope ("" for all, else a category id). Publish and withdraw adjust it in their own
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
  period: string;
  count: number;
  latestAt: Date;
}

const EPOCH = new Date(0);
const scopesOf = (p: CountedPublication) => (p.categoryId ? ["", p.categoryId] : [""]);

function deltasOf(removed: CountedPublication[], added: CountedPublication[], timeZone: string): Delta[] {
  const deltas = new Map<string, Delta>();
  const apply = (p: CountedPublication, count: number) => {
    const periods = periodsOf(monthKeyOf(p.publishedAt, timeZone));
    for (const scope of scopesOf(p)) {
      for (const period of periods) {
        const key = `${p.locale}\u0000${scope}\u0000${period}`;
        const d = deltas.get(key) ?? { locale: p.locale, scope, period, count: 0, latestAt: EPOCH };
        d.count += count;
        if (count > 0 && p.publishedAt > d.latestAt) d.latestAt = p.publishedAt;
        deltas.set(key, d);
      }
    }
  };
  for (const p of removed) apply(p, -1);
  for (const p of added) apply(p, 1);
  return [...deltas.values()];
}

// One atomic upsert per row: concurrent publishes into the same month add up on both engines.
const UPSERT = {
  sqlite: `INSERT INTO "PublicationCount" ("timeZone", "locale", "scope", "period", "count", "changedAt", "latestAt")
    VALUES (?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT ("timeZone", "locale", "scope", "period") DO UPDATE SET "count" = "count" + excluded."count",
      "changedAt" = excluded."changedAt", "latestAt" = MAX("latestAt", excluded."latestAt")`,
  postgresql: `INSERT INTO "PublicationCount" ("timeZone", "locale", "scope", "period", "count", "changedAt", "latestAt")
    VALUES ($1, $2::"Locale", $3, $4, $5, $6, $7)
    ON CONFLICT ("timeZone", "locale", "scope", "period") DO UPDATE SET
      "count" = "PublicationCount"."count" + EXCLUDED."count", "changedAt" = EXCLUDED."changedAt",
      "latestAt" = GREATEST("PublicationCount"."latestAt", EXCLUDED."latestAt")`,
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
    await tx.$executeRawUnsafe(sql, timeZone, d.locale, d.scope, d.period, d.count, now, d.latestAt);
  }
}

interface Row extends Delta {
  timeZone: string;
  changedAt: Date;
}

/** Every period's count, from the publications (read in batches). */
async function countAll(tx: Tx, timeZone: string): Promise<Row[]> {
  const rows = new Map<string, Row>();
  let cursor: string | undefined;
  for (;;) {
    const batch = await tx.publication.findMany({
      select: { id: true, locale: true, categoryId: true, publishedAt: true, updatedAt: true },
      orderBy: { id: "asc" },
      take: 5_000,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    if (batch.length === 0) break;
    cursor = batch.at(-1)!.id;
    for (const p of batch) {
      const periods = periodsOf(monthKeyOf(p.publishedAt, timeZone));
      for (const scope of scopesOf(p)) {
        for (const period of periods) {
          const key = `${p.locale}\u0000${scope}\u0000${period}`;
          const base = { timeZone, locale: p.locale, scope, period, count: 0, changedAt: EPOCH, latestAt: EPOCH };
          const row = rows.get(key) ?? base;
          row.count += 1;
          if (p.updatedAt > row.changedAt) row.changedAt = p.updatedAt;
          if (p.publishedAt > row.latestAt) row.latestAt = p.publishedAt;
          rows.set(key, row);
        }
      }
    }
  }
  return [...rows.values()];
}

/**
 * Recounts every period from the publications and replaces the rows, in one transaction. On
 * PostgreSQL the table is locked first (EXCLUSIVE: reads go on, publishes wait), so a publish on
 * another instance is either counted here or adds itself after; two instances starting together
 * rebuild one after the other.
 */
export async function rebuildPublicCounts(db: Db, timeZone = env().NEWSROOM_TIMEZONE): Promise<number> {
  return db.$transaction(
    async (tx) => {
      if (providerOf(tx) === "postgresql")
        await tx.$executeRawUnsafe(`LOCK TABLE "PublicationCount" IN EXCLUSIVE MODE`);
      const rows = await countAll(tx, timeZone);
      await tx.publicationCount.deleteMany({});
      for (let i = 0; i < rows.length; i += 1_000)
        await tx.publicationCount.createMany({ data: rows.slice(i, i + 1_000) });
      return rows.length;
    },
    { timeout: 30 * 60_000, maxWait: 60_000 },
  );
}

/**
 * Rebuilds the counts when they were made in another time zone or disagree with the publications
 * per language and category (one grouped count over the publications, run at start). True when rebuilt.
 */
export async function ensurePublicCounts(db: Db, timeZone = env().NEWSROOM_TIMEZONE): Promise<boolean> {
  const [foreign, stored, actual] = await Promise.all([
    db.publicationCount.findFirst({ where: { timeZone: { not: timeZone } }, select: { period: true } }),
    db.publicationCount.findMany({
      where: { timeZone, period: TOTAL },
      select: { locale: true, scope: true, count: true },
    }),
    db.publication.groupBy({ by: ["locale", "categoryId"], _count: { _all: true } }),
  ]);
  const want = new Map<string, number>();
  for (const g of actual) {
    for (const scope of g.categoryId ? ["", g.categoryId] : [""]) {
      const key = `${g.locale}\u0000${scope}`;
      want.set(key, (want.get(key) ?? 0) + g._count._all);
    }
  }
  const have = new Map(stored.filter((s) => s.count !== 0).map((s) => [`${s.locale}\u0000${s.scope}`, s.count]));
  const same = have.size === want.size && [...want].every(([k, n]) => have.get(k) === n);
  if (!foreign && same) return false;
  await rebuildPublicCounts(db, timeZone);
  return true;
}
