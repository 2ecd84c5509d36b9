import "server-only";
import { learnStopGrams, normalizeSegment } from "@/domain/tm/keys";
import type { Client } from "./engine";

// The memory's stop bigrams (keys.ts), learned from its newest segments and kept in AppSetting.
// Every process reads the row's time on use and reloads the set only when it changed, so a
// rebuild in another process takes effect at once.

const KEY = "tm.stopGrams";
export const SAMPLE = 20_000;

interface Stored {
  grams: number[];
  /** memory size when learned: relearn once it has grown a lot (ensureTranslationMemory) */
  learnedFrom: number;
}

let cache: { at: number; set: ReadonlySet<number>; learnedFrom: number } | null = null;

export async function stopGrams(db: Client): Promise<{ set: ReadonlySet<number>; learnedFrom: number }> {
  const row = await db.appSetting.findUnique({ where: { key: KEY }, select: { updatedAt: true } });
  if (!row) return { set: new Set(), learnedFrom: 0 };
  if (cache?.at !== row.updatedAt.getTime()) {
    const full = await db.appSetting.findUnique({ where: { key: KEY } });
    const value = JSON.parse(full?.value ?? "{}") as Partial<Stored>;
    cache = { at: row.updatedAt.getTime(), set: new Set(value.grams ?? []), learnedFrom: value.learnedFrom ?? 0 };
  }
  return cache;
}

/** Learns the stop bigrams from the newest SAMPLE segments of the memory and stores them. */
export async function learnFromMemory(db: Client): Promise<number> {
  const sample = await db.tmUnit.findMany({
    where: { deletedAt: null },
    orderBy: { id: "desc" },
    take: SAMPLE,
    select: { source: true },
  });
  const units = await db.tmUnit.count({ where: { deletedAt: null } });
  const value: Stored = { grams: learnStopGrams(sample.map((s) => normalizeSegment(s.source))), learnedFrom: units };
  await db.appSetting.upsert({
    where: { key: KEY },
    create: { key: KEY, value: JSON.stringify(value) },
    update: { value: JSON.stringify(value) },
  });
  return value.grams.length;
}
