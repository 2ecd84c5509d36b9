import { CODE_SPAN, tokenOfCode } from "./text";

// The numbers a full rebuild (build.ts) keeps list keys as, and the order in which a drain writes
// open blocks. A list key is field · FIELD_SPAN + token, the token one of:
//   - a CJK character or bigram of the common range: its code (below NAMED, see text.ts);
//   - a token held by name (a word, a rare CJK token): NAMED + the name's index;
//   - a pair of words: PAIRED + first · NAME_SPAN + second, by the words' name indexes: a pair
//     costs no string and no name while building.
//
// A drain writes by list key: the key index of "SearchBlock" is built after the last row, and
// SQLite builds it faster from rows that came in key order (docs/BENCHMARKS.md, "Rebuild speed:
// numbers from the scan to the block"). A drain holds up to millions of open lists: comparing
// their key strings took seconds, so keys are ordered as numbers: field, then token. Names (usually words: far fewer than CJK tokens) are
// ranked by their strings, each followed by its pairs ranked by their second word (a space sorts
// before any letter or digit, so this is the strings' order); then come CJK tokens in code order
// with each character's bigrams right after it, as in the key strings. The two groups are not
// interleaved exactly as the strings are (a name that sorts after CJK comes before it): an order
// close to the key order is enough.

export const NAMED = 2 ** 31;
/** names per builder, before a drain starts them over */
export const NAME_SPAN = 2 ** 24;
export const PAIRED = 2 ** 48;
export const FIELD_SPAN = 2 ** 49;
const PAIR_SPAN = 2 ** 16;
/** order values: names and their pairs below CODES, codes from there */
const RANK_SPAN = 2 ** 25;
const CODES = NAME_SPAN * RANK_SPAN;
const FIELD_VALUES = 2 * CODES;

export const pairToken = (first: number, second: number): number => PAIRED + first * NAME_SPAN + second;

/** The token of a key (field · FIELD_SPAN + token) as text: its characters, name, or pair of names. */
export function tokenName(token: number, names: readonly string[]): string {
  if (token < NAMED) return tokenOfCode(token);
  if (token < PAIRED) return names[token - NAMED]!;
  const pair = token - PAIRED;
  return `${names[Math.floor(pair / NAME_SPAN)]!} ${names[pair % NAME_SPAN]!}`;
}

export interface KeySpace {
  /** list key (field index · FIELD_SPAN + token) of every open block */
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
  for (let i = 0; i < keys.length; i++) {
    const token = keys[i]! % FIELD_SPAN;
    if (token >= PAIRED) {
      used.add(Math.floor((token - PAIRED) / NAME_SPAN));
      used.add((token - PAIRED) % NAME_SPAN);
    } else if (token >= NAMED) used.add(token - NAMED);
  }
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
    const token = keys[i]! % FIELD_SPAN;
    let value: number;
    if (token < NAMED) value = CODES + codeValue(token);
    else if (token < PAIRED) value = rank[token - NAMED]! * RANK_SPAN;
    else {
      const pair = token - PAIRED;
      value = rank[Math.floor(pair / NAME_SPAN)]! * RANK_SPAN + 1 + rank[pair % NAME_SPAN]!;
    }
    values[i] = rankOfField[Math.floor(keys[i]! / FIELD_SPAN)]! * FIELD_VALUES + value;
  }
  values.sort();
  for (let i = 0; i < values.length; i++) {
    const field = fieldRank[Math.floor(values[i]! / FIELD_VALUES)]!;
    const value = values[i]! % FIELD_VALUES;
    let token: number;
    if (value >= CODES) token = valueCode(value - CODES);
    else {
      const first = byRank[Math.floor(value / RANK_SPAN)]!;
      const second = value % RANK_SPAN;
      token = second === 0 ? NAMED + first : pairToken(first, byRank[second - 1]!);
    }
    values[i] = field * FIELD_SPAN + token;
  }
  return values;
}
