import { scanUnits, type Unit } from "./text";

// A user's query → terms the engines can run. Nothing of the raw query reaches FTS syntax: every
// token is letters, digits or CJK, and the engine modules quote each one.

export const MAX_QUERY_CHARS = 200;
export const MAX_TERMS = 10;

/** A token of a term and its position relative to the term's first unit. */
export interface TermToken {
  token: string;
  offset: number;
}

/** One term: tokens at fixed offsets, all in one field of a document (a single token, or a phrase). */
export interface Term {
  tokens: TermToken[];
}

/** What the highlighter looks for: stemmed words and CJK strings. */
export interface Marks {
  words: string[];
  cjk: string[];
}

export type Rejection = "empty" | "no_terms";

export type ParsedQuery =
  | { ok: true; query: string; terms: Term[]; marks: Marks; truncated: boolean }
  | { ok: false; query: string; rejected: Rejection; truncated: boolean };

const isWord = (u: Unit | undefined) => u?.kind === "word";

/**
 * The tokens a document has wherever it contains these units in a row (see tokenPositions), each
 * at its offset: the bigrams covering each CJK run, the pairs covering each run of words, and
 * lone words and characters on their own.
 */
export function phraseTerm(units: Unit[]): Term | null {
  const tokens: TermToken[] = [];
  let offset = 0;
  units.forEach((u, i) => {
    if (u.kind === "word") {
      const next = units[i + 1];
      if (isWord(next)) tokens.push({ token: `${u.text} ${next!.text}`, offset });
      else if (!isWord(units[i - 1])) tokens.push({ token: u.text, offset });
      offset++;
      return;
    }
    const chars = Array.from(u.text);
    if (chars.length === 1) tokens.push({ token: chars[0]!, offset });
    for (let c = 0; c + 1 < chars.length; c++) tokens.push({ token: chars[c]! + chars[c + 1]!, offset: offset + c });
    offset += chars.length;
  });
  return tokens.length > 0 ? { tokens } : null;
}

/** Quoted strings are phrases; elsewhere each whitespace-separated chunk is one (IP5合作, e-mail). */
function chunks(query: string): string[] {
  const out: string[] = [];
  const parts = query.split(/["“”「」]/);
  parts.forEach((part, i) => {
    if (i % 2 === 1) out.push(part);
    else out.push(...part.split(/\s+/));
  });
  return out.filter((c) => c.trim() !== "");
}

export function parseQuery(raw: unknown): ParsedQuery {
  const text = typeof raw === "string" ? raw : "";
  const chars = Array.from(text.trim());
  const truncated = chars.length > MAX_QUERY_CHARS;
  const query = chars.slice(0, MAX_QUERY_CHARS).join("").replace(/\s+/g, " ").trim();
  if (query === "") return { ok: false, query: "", rejected: "empty", truncated };
  const terms: Term[] = [];
  const marks: Marks = { words: [], cjk: [] };
  const seen = new Set<string>();
  for (const chunk of chunks(query)) {
    const units = scanUnits(chunk);
    const term = phraseTerm(units);
    if (!term) continue;
    const key = term.tokens.map((t) => `${t.offset}:${t.token}`).join(" ");
    if (seen.has(key) || terms.length >= MAX_TERMS) continue;
    seen.add(key);
    terms.push(term);
    for (const u of units) (u.kind === "word" ? marks.words : marks.cjk).push(u.text);
  }
  if (terms.length === 0) return { ok: false, query, rejected: "no_terms", truncated };
  return { ok: true, query, terms, marks, truncated };
}
