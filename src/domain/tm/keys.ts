// Translation memory keys, pure: how a Chinese segment is normalised for exact matches, and the
// min-hash keys of its character bigrams that find fuzzy candidates (docs/TRANSLATION.md).
//
// Plain min-hash picks, for each key, the bigram with the smallest hash. In press releases a few
// bigrams (知识, 产权, 国家 …) are in most paragraphs, and whenever one of them has a small hash it
// becomes the key of most segments: those keys then say nothing. Two corrections:
//  - a weighted min-hash (the exponential race −ln(u)/w): bigrams of rarer characters win more often;
//  - "stop bigrams", the most frequent ones learned from the memory itself, never become keys.
import { isCjk } from "../search/text";
import { COMMON_CHARS } from "./common-chars";

/** Number of min-hash keys per segment (one indexed column each). */
export const KEY_COUNT = 8;

/** NFKC (full-width ，→ ,), lower case, one space between words: the form matches are made on. */
export function normalizeSegment(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/** Matching symbols: every CJK character, and every run of other letters/digits; punctuation and spaces drop. */
export function symbols(normalized: string): string[] {
  const out: string[] = [];
  let word = "";
  for (const ch of normalized) {
    if (isCjk(ch)) {
      if (word) out.push(word);
      word = "";
      out.push(ch);
    } else if (WORD_CHAR.test(ch)) {
      word += ch;
    } else if (word) {
      out.push(word);
      word = "";
    }
  }
  if (word) out.push(word);
  return out;
}

/** FNV-1a, 32 bits, over UTF-16 code units. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Murmur3's finalizer: a cheap, well-mixed permutation of 32-bit values. */
function mix(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

const SEEDS = [0x9e3779b9, 0x7f4a7c15, 0x94d049bb, 0xbf58476d, 0x2545f491, 0x5851f42d, 0x14057b7e, 0xda3e39cb];
const RANK = new Map(Array.from(COMMON_CHARS).map((c, i) => [c, i]));

/** How much a symbol says: the most frequent characters little, rare ones and words more. */
function symbolWeight(symbol: string): number {
  const rank = RANK.get(symbol);
  if (rank === undefined) return Array.from(symbol).length > 1 || !isCjk(symbol) ? 4 : 8;
  return rank < 50 ? 1 : rank < 200 ? 2 : rank < 500 ? 4 : 8;
}

/** A bigram's hash from its two symbols' hashes (no string is built: this runs a million times in a rebuild). */
const pairHash = (a: number, b: number) => mix((Math.imul(a, 0x9e3779b1) ^ b) >>> 0);

/** Distinct symbol bigrams as hash → weight (a one-symbol segment: the symbol itself). */
export function gramWeights(normalized: string): Map<number, number> {
  const syms = symbols(normalized);
  const hashes = syms.map(fnv1a);
  const weights = syms.map(symbolWeight);
  const grams = new Map<number, number>();
  if (syms.length === 1) grams.set(hashes[0]!, weights[0]!);
  for (let i = 0; i + 1 < syms.length; i++)
    grams.set(pairHash(hashes[i]!, hashes[i + 1]!), weights[i]! * weights[i + 1]!);
  return grams;
}

/**
 * KEY_COUNT keys as non-zero signed 32-bit integers (what both databases store in an INTEGER; 0
 * marks a deleted pair). Key i names the bigram that wins race i, so two segments share a key with
 * a probability that grows with their (weighted) bigram overlap. Null: no symbols at all.
 */
export function minHashKeys(normalized: string, stop: ReadonlySet<number> = new Set()): number[] | null {
  const all = gramWeights(normalized);
  if (all.size === 0) return null;
  let grams = [...all].filter(([g]) => !stop.has(g));
  if (grams.length === 0) grams = [...all];
  const ids = Uint32Array.from(grams, ([g]) => g);
  const inverse = Float64Array.from(grams, ([, w]) => 1 / w);
  return SEEDS.slice(0, KEY_COUNT).map((seed) => {
    let best = Infinity;
    let key = 1;
    for (let j = 0; j < ids.length; j++) {
      const race = -Math.log((mix(ids[j]! ^ seed) + 1) / 4294967297) * inverse[j]!;
      if (race < best) {
        best = race;
        key = (ids[j]! ^ seed) | 0 || 1;
      }
    }
    return key;
  });
}

/** The `count` bigrams found in most of `texts` (normalised): the memory's stop bigrams. */
export function learnStopGrams(texts: Iterable<string>, count = 2_000): number[] {
  const df = new Map<number, number>();
  for (const text of texts) for (const g of gramWeights(text).keys()) df.set(g, (df.get(g) ?? 0) + 1);
  return [...df]
    .filter(([, n]) => n > 1)
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, count)
    .map(([g]) => g);
}
