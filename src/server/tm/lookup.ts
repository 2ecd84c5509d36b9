import "server-only";
import { KEY_COUNT, minHashKeys, normalizeSegment } from "@/domain/tm/keys";
import { MAX_SEGMENT_CHARS } from "@/domain/tm/pairs";
import { FUZZY_MIN, similarity } from "@/domain/tm/similarity";
import { Prisma } from "../db/generated/sqlite/client";
import type { Client } from "./engine";
import { sha256 } from "./prepare";
import { stopGrams } from "./stop-grams";

// Best memory matches for one Chinese segment, with bounded work whatever the memory's size:
//  1. exact: the hash of the normalised text (an index lookup);
//  2. fuzzy candidates: for each of the 8 keys, at most PER_KEY units with that key (8 index range
//     scans, newest first); the CANDIDATES units sharing the most keys, counted in SQL;
//  3. those are scored by banded edit distance; 70% or more is a match.

export const PER_KEY = 1_000;
export const CANDIDATES = 32;
export const MAX_MATCHES = 3;

export interface TmMatch {
  unitId: number;
  /** 100 = exact (same normalised text); otherwise FUZZY_MIN…99 */
  score: number;
  source: string;
  target: string;
}

export async function lookupSegment(
  db: Client,
  text: string,
  limit = MAX_MATCHES,
  stop?: ReadonlySet<number>,
): Promise<TmMatch[]> {
  const query = normalizeSegment(text);
  if (!query) return [];
  const exact = await db.tmUnit.findMany({
    where: { sourceHash: sha256(query), deletedAt: null },
    orderBy: { id: "desc" },
    take: limit,
    select: { id: true, source: true, target: true },
  });
  const matches: TmMatch[] = exact.map((u) => ({ unitId: u.id, score: 100, source: u.source, target: u.target }));
  if (matches.length >= limit || Array.from(query).length > MAX_SEGMENT_CHARS) return matches;
  const keys = minHashKeys(query, stop ?? (await stopGrams(db)).set);
  if (!keys) return matches;
  const seen = new Set(matches.map((m) => m.unitId));
  for (const m of await fuzzyMatches(db, query, keys)) {
    if (matches.length >= limit) break;
    if (!seen.has(m.unitId)) matches.push(m);
  }
  return matches;
}

async function candidates(db: Client, keys: number[]): Promise<number[]> {
  const scans = keys
    .slice(0, KEY_COUNT)
    .map(
      (key, i) =>
        Prisma.sql`SELECT "id" FROM (SELECT "id" FROM "TmUnit" WHERE ${Prisma.raw(`"k${i}"`)} = ${key} ORDER BY "id" DESC LIMIT ${PER_KEY}) AS ${Prisma.raw(`"s${i}"`)}`,
    );
  const rows = await db.$queryRaw<{ id: number | bigint }[]>`
    SELECT "id" FROM (${Prisma.join(scans, " UNION ALL ")}) AS "c"
    GROUP BY "id" ORDER BY COUNT(*) DESC, "id" DESC LIMIT ${CANDIDATES}`;
  return rows.map((r) => Number(r.id));
}

async function fuzzyMatches(db: Client, query: string, keys: number[]): Promise<TmMatch[]> {
  const best = await candidates(db, keys);
  if (best.length === 0) return [];
  const length = Array.from(query).length;
  const units = await db.tmUnit.findMany({
    where: { id: { in: best }, deletedAt: null },
    select: { id: true, source: true, target: true, sourceLength: true },
  });
  const out: TmMatch[] = [];
  for (const u of units) {
    // A length difference alone can rule a candidate out before any scoring.
    if (Math.abs(u.sourceLength - length) * 100 > (100 - FUZZY_MIN) * Math.max(u.sourceLength, length)) continue;
    const score = similarity(query, normalizeSegment(u.source));
    if (score !== null) out.push({ unitId: u.id, score, source: u.source, target: u.target });
  }
  return out.sort((a, b) => b.score - a.score || b.unitId - a.unitId);
}

/** Matches for each segment of a page (title, summary, paragraphs), one after another. */
export async function lookupSegments(db: Client, texts: readonly string[]): Promise<TmMatch[][]> {
  const stop = (await stopGrams(db)).set;
  const out: TmMatch[][] = [];
  for (const text of texts) out.push(await lookupSegment(db, text, MAX_MATCHES, stop));
  return out;
}
