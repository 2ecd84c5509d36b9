import "server-only";
import { createHash } from "node:crypto";
import { minHashKeys, normalizeSegment } from "@/domain/tm/keys";
import type { Pair } from "@/domain/tm/pairs";

// A pair as stored: hashes of the normalised texts (identity and exact matches), length, keys.

export interface PreparedPair extends Pair {
  sourceHash: string;
  targetHash: string;
  sourceLength: number;
  keys: number[];
}

export const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** Null when there is nothing to match on (no letters, digits or CJK). */
export function preparePair(pair: Pair, stop: ReadonlySet<number>): PreparedPair | null {
  const source = normalizeSegment(pair.source);
  const keys = minHashKeys(source, stop);
  if (!keys) return null;
  return {
    source: pair.source,
    target: pair.target,
    sourceHash: sha256(source),
    targetHash: sha256(normalizeSegment(pair.target)),
    sourceLength: Array.from(source).length,
    keys,
  };
}

/** Prepared, without duplicates (the same pair twice in one release counts once). */
export function preparePairs(pairs: readonly Pair[], stop: ReadonlySet<number>): PreparedPair[] {
  const seen = new Set<string>();
  const out: PreparedPair[] = [];
  for (const pair of pairs) {
    const p = preparePair(pair, stop);
    if (!p || seen.has(p.sourceHash + p.targetHash)) continue;
    seen.add(p.sourceHash + p.targetHash);
    out.push(p);
  }
  return out;
}
