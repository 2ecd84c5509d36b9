import { CODE_SPAN } from "./text";

// The order in which a drain writes open blocks: by list key, so rows reach the key index of
// "SearchBlock" in runs (a B-tree takes rows in key order far faster). A drain holds up to millions
// of open lists: comparing their key strings took seconds, so keys are ordered as numbers: field,
// then token. Tokens held by name (build.ts) are ranked by their names (usually words: far fewer
// than CJK tokens), then come CJK tokens in code order with each character's bigrams right after
// it, as in the key strings. The two groups are not interleaved exactly as the strings are
// (a name that sorts after CJK comes before it): an order close to the key order is enough.

export const NAMED = 2 ** 31; // token keys of tokens held by name; codes are below
export const TWO32 = 2 ** 32;
const PAIR_SPAN = 2 ** 16;

export interface KeySpace {
  /** list key (field index · 2^32 + token) of every open block */
  keys: ArrayLike<number>;
  /** field prefixes by index */
  prefixes: readonly string[];
  /** names of tokens held by name, by index */
  names: readonly string[];
}

/** A code's place among codes: a character before its bigrams, bigrams by their second character. */
function codeValue(code: number): number {
  if (code < CODE_SPAN) return code * PAIR_SPAN;
  const pair = code - CODE_SPAN;
  return Math.floor(pair / CODE_SPAN) * PAIR_SPAN + (pair % CODE_SPAN) + 1;
}

function valueCode(value: number): number {
  const first = Math.floor(value / PAIR_SPAN);
  const second = value % PAIR_SPAN;
  return second === 0 ? first : CODE_SPAN + first * CODE_SPAN + second - 1;
}

/** Ranks of the names used by `keys` (index → rank) and the names by rank (rank → index). */
function rankNames({ keys, names }: KeySpace) {
  const used = new Set<number>();
  for (let i = 0; i < keys.length; i++) if (keys[i]! % TWO32 >= NAMED) used.add((keys[i]! % TWO32) - NAMED);
  const byName = [...used].map((i) => names[i]!).sort();
  const index = new Map<string, number>();
  for (const i of used) index.set(names[i]!, i);
  const byRank = byName.map((name) => index.get(name)!);
  const rank = new Int32Array(names.length);
  byRank.forEach((i, r) => (rank[i] = r));
  return { rank, byRank };
}

/** The keys of `space`, in (nearly) key-string order. */
export function orderedKeys(space: KeySpace): Float64Array {
  const { keys, prefixes } = space;
  const fieldRank = prefixes.map((_, i) => i).sort((a, b) => (prefixes[a]! < prefixes[b]! ? -1 : 1));
  const rankOfField = new Array<number>(prefixes.length);
  fieldRank.forEach((f, r) => (rankOfField[f] = r));
  const { rank, byRank } = rankNames(space);
  const values = new Float64Array(keys.length);
  for (let i = 0; i < keys.length; i++) {
    const token = keys[i]! % TWO32;
    const value = token >= NAMED ? rank[token - NAMED]! : NAMED + codeValue(token);
    values[i] = rankOfField[Math.floor(keys[i]! / TWO32)]! * TWO32 + value;
  }
  values.sort();
  for (let i = 0; i < values.length; i++) {
    const field = fieldRank[Math.floor(values[i]! / TWO32)]!;
    const value = values[i]! % TWO32;
    const token = value < NAMED ? NAMED + byRank[value]! : valueCode(value - NAMED);
    values[i] = field * TWO32 + token;
  }
  return values;
}
