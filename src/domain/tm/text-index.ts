import { scanUnits, type Unit } from "../search/text";

// Tokens of the translation memory's text index (SQLite FTS5 / PostgreSQL tsvector, both run the
// phrase matching): the search scanner's units (folded CJK runs, stemmed words), each CJK run as
// the bigram starting at every character plus its last character. Phrases are consecutive tokens;
// a query ending in one CJK character looks for it as a prefix. Pure.

export const MAX_TM_QUERY_CHARS = 200;
const MAX_TERMS = 10;

/** One term: tokens that must appear consecutively; `prefix` marks the last one as a prefix. */
export interface TmTerm {
  tokens: string[];
  prefix: boolean;
}

function cjkTokens(run: string): string[] {
  const chars = Array.from(run);
  return chars.map((c, i) => (i + 1 < chars.length ? c + chars[i + 1] : c));
}

/** All index tokens of a text, in order (positions matter for phrases). */
export function tmTokens(text: string, max = Infinity): string[] {
  const out: string[] = [];
  for (const u of scanUnits(text)) {
    if (u.kind === "word") out.push(u.text);
    else out.push(...cjkTokens(u.text));
    if (out.length >= max) return out.slice(0, max);
  }
  return out;
}

/** Tokens of a phrase as the indexer emits them, minus what depends on text after it. */
function phraseTerm(units: Unit[]): TmTerm | null {
  const tokens: string[] = [];
  units.forEach((u, i) => {
    if (u.kind === "word") tokens.push(u.text);
    else {
      const t = cjkTokens(u.text);
      tokens.push(...(i < units.length - 1 || t.length === 1 ? t : t.slice(0, -1)));
    }
  });
  if (tokens.length === 0) return null;
  const last = units[units.length - 1];
  return { tokens, prefix: last?.kind === "cjk" && Array.from(last.text).length === 1 };
}

/** Quoted strings are phrases; elsewhere each whitespace-separated chunk is one. */
function chunks(query: string): string[] {
  const out: string[] = [];
  query.split(/["“”「」]/).forEach((part, i) => {
    if (i % 2 === 1) out.push(part);
    else out.push(...part.split(/\s+/));
  });
  return out.filter((c) => c.trim() !== "");
}

/** The terms of a memory search (at most 10, duplicates dropped); empty when nothing is searchable. */
export function tmQueryTerms(raw: unknown): TmTerm[] {
  const text = typeof raw === "string" ? raw : "";
  const query = Array.from(text.trim()).slice(0, MAX_TM_QUERY_CHARS).join("");
  const terms: TmTerm[] = [];
  const seen = new Set<string>();
  for (const chunk of chunks(query)) {
    const term = phraseTerm(scanUnits(chunk));
    if (!term) continue;
    const key = `${term.tokens.join(" ")}${term.prefix ? "*" : ""}`;
    if (seen.has(key) || terms.length >= MAX_TERMS) continue;
    seen.add(key);
    terms.push(term);
  }
  return terms;
}
