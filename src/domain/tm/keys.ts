// Translation memory keys, pure: how a Chinese segment is normalised for exact matches, and the
// min-hash keys of its character bigrams that find fuzzy candidates (docs/TRANSLATION.md).
import { isCjk } from "../search/text";

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

/** Hashes of the distinct symbol bigrams (a one-symbol segment: the symbol itself). */
export function gramHashes(normalized: string): number[] {
  const syms = symbols(normalized);
  if (syms.length === 1) return [fnv1a(syms[0]!)];
  const grams = new Set<number>();
  for (let i = 0; i + 1 < syms.length; i++) grams.add(fnv1a(`${syms[i]}\u0001${syms[i + 1]}`));
  return [...grams];
}

/**
 * KEY_COUNT min-hash keys as signed 32-bit integers (what both databases store in an INTEGER).
 * Two segments share key i with probability equal to the Jaccard similarity of their bigram sets,
 * so near-duplicates share several keys and unrelated segments rarely share one. Null: no symbols.
 */
export function minHashKeys(normalized: string): number[] | null {
  const grams = gramHashes(normalized);
  if (grams.length === 0) return null;
  return SEEDS.slice(0, KEY_COUNT).map((seed) => {
    let min = 0xffffffff;
    for (const g of grams) {
      const v = mix(g ^ seed);
      if (v < min) min = v;
    }
    return min | 0;
  });
}
