import "server-only";
import { KEY_COUNT, minHashKeys, normalizeSegment } from "@/domain/tm/keys";
import { MAX_SEGMENT_CHARS } from "@/domain/tm/pairs";
import { FUZZY_MIN, similarity } from "@/domain/tm/similarity";
import { Prisma } from "../db/generated/sqlite/client";
import type { Client } from "./engine";
import { sha256 } from "./prepare";

// Best memory matches for one Chinese segment, with bounded work whatever the memory's size:
//  1. exact: the hash of the normalised text (an index lookup);
//  2. fuzzy candidates: for each of the 8 min-hash keys, the newest PER_KEY units with that key
//     (8 index range scans); candidates ranked by how many keys they share;
//  3. the best CANDIDATES of them are scored by banded edit distance; ≥ 70% is a match.

export const PER_KEY = 64;
export const CANDIDATES = 16;
export const MAX_MATCHES = 3;

export interface TmMatch {
  unitId: number;
  /** 100 = exact (same normalised text); otherwise FUZZY_MIN…99 */
  score: number;
  source: string;
  target: string;
}

export async function lookupSegment(db: Client, text: string, limit = MAX_MATCHES): Promise<TmMatch[]> {
  const query = normalizeSegment(text);
  if (!query) return [];
  const exact = await db.tmUnit.findMany({
    where: { sourceHash: sha256(query), deletedAt: null },
    orderBy: { id: "desc" },
    take: limit,
    select: { id: true, source: true, target: true },
  });
  const matches: TmMatch[] = exact.map((u) => ({ unitId: u.id, score: 100, source: u.source, target: u.target }));
  const keys = Array.from(query).length <= MAX_SEGMENT_CHARS ? minHashKeys(query) : null;
  if (matches.length >= limit || !keys) return matches;
  const seen = new Set(matches.map((m) => m.unitId));
  for (const m of await fuzzyMatches(db, query, keys, seen)) {
    if (matches.length >= limit) break;
    matches.push(m);
  }
  return matches;
}

async function fuzzyMatches(db: Client, query: string, keys: number[], exclude: Set<number>): Promise<TmMatch[]> {
  const scans = keys.map(
    (key, i) =>
      Prisma.sql`SELECT "id" FROM (SELECT "id" FROM "TmUnit" WHERE ${Prisma.raw(`"k${i}"`)} = ${key} ORDER BY "id" DESC LIMIT ${PER_KEY}) AS ${Prisma.raw(`"s${i}"`)}`,
  );
  const rows = await db.$queryRaw<{ id: number | bigint }[]>(Prisma.join(scans.slice(0, KEY_COUNT), " UNION ALL "));
  const shared = new Map<number, number>();
  for (const r of rows) {
    const id = Number(r.id);
    if (!exclude.has(id)) shared.set(id, (shared.get(id) ?? 0) + 1);
  }
  const best = [...shared]
    .sort((a, b) => b[1] - a[1] || b[0] - a[0])
    .slice(0, CANDIDATES)
    .map(([id]) => id);
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

/** Matches for each segment of a page (title, summary, paragraphs), looked up one after another. */
export async function lookupSegments(db: Client, texts: readonly string[]): Promise<TmMatch[][]> {
  const out: TmMatch[][] = [];
  for (const text of texts) out.push(await lookupSegment(db, text));
  return out;
}
