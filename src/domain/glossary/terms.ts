// Glossary entries and where they occur, pure. Chinese terms are found in Chinese text by exact
// (NFKC, case-folded) substring, longest first; English renderings are found in English text as a
// sequence of search words (stemmed, case- and punctuation-insensitive: "patents" finds "patent").
import { scanUnits } from "../search/text";
import { normalizeSegment } from "../tm/keys";

export interface GlossaryEntry {
  id: string;
  term: string;
  approved: string[];
  forbidden: string[];
  note: string;
  category: string;
}

export interface TermHit {
  entry: GlossaryEntry;
  /** UTF-16 offsets in the original text */
  start: number;
  end: number;
}

export const termKey = (term: string) => normalizeSegment(term);

/** The text folded per code point, with each folded unit's offset in the original. */
function folded(text: string): { folded: string; origin: number[] } {
  let out = "";
  const origin: number[] = [];
  let offset = 0;
  for (const ch of text) {
    const f = ch.normalize("NFKC").toLowerCase();
    out += f;
    for (let i = 0; i < f.length; i++) origin.push(offset);
    offset += ch.length;
  }
  origin.push(offset);
  return { folded: out, origin };
}

export interface TermIndex {
  /** first folded UTF-16 unit → entries starting with it, longest first */
  byFirst: Map<string, { key: string; entry: GlossaryEntry }[]>;
}

export function indexTerms(entries: readonly GlossaryEntry[]): TermIndex {
  const byFirst = new Map<string, { key: string; entry: GlossaryEntry }[]>();
  for (const entry of entries) {
    const key = termKey(entry.term);
    if (!key) continue;
    const list = byFirst.get(key[0]!) ?? [];
    list.push({ key, entry });
    byFirst.set(key[0]!, list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.key.length - a.key.length);
  return { byFirst };
}

/** Non-overlapping occurrences, left to right, the longest term winning at each position. */
export function findTerms(text: string, index: TermIndex): TermHit[] {
  const { folded: f, origin } = folded(text);
  const hits: TermHit[] = [];
  for (let i = 0; i < f.length;) {
    const found = index.byFirst.get(f[i]!)?.find(({ key }) => f.startsWith(key, i));
    if (!found) {
      i++;
      continue;
    }
    const end = i + found.key.length;
    hits.push({ entry: found.entry, start: origin[i]!, end: origin[end]! });
    i = end;
  }
  return hits;
}

const words = (text: string) => scanUnits(text).map((u) => u.text);

/** True when `phrase` occurs in `text` as consecutive words (stemmed, case-insensitive). */
export function containsPhrase(text: string, phrase: string): boolean {
  const needle = words(phrase);
  if (needle.length === 0) return false;
  const hay = words(text);
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** Two English renderings that the check could not tell apart. */
export const sameRendering = (a: string, b: string) => words(a).join(" ") === words(b).join(" ");
