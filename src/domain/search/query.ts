import { cjkTokens, scanUnits, type Unit } from "./text";

// A user's query → terms the engines can run. Nothing of the raw query reaches FTS syntax: every
// token is letters, digits or CJK, and the engine modules quote each one.

export const MAX_QUERY_CHARS = 200;
export const MAX_TERMS = 10;

/** One term: tokens that must appear consecutively; `prefix` marks the last one as a prefix. */
export interface Term {
  tokens: string[];
  prefix: boolean;
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

/** Tokens of a phrase as the indexer would emit them, minus what depends on text after it. */
export function phraseTerm(units: Unit[]): Term | null {
  const tokens: string[] = [];
  units.forEach((u, i) => {
    if (u.kind === "word") tokens.push(u.text);
    else {
      const t = cjkTokens(u.text);
      // A run's lone last character is only a token where the run ends; inside the phrase it
      // does (another unit follows), at the phrase's end the document's run may go on.
      tokens.push(...(i < units.length - 1 || t.length === 1 ? t : t.slice(0, -1)));
    }
  });
  if (tokens.length === 0) return null;
  const last = units[units.length - 1];
  const prefix = last?.kind === "cjk" && Array.from(last.text).length === 1;
  return { tokens, prefix };
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
    const key = `${term.tokens.join(" ")}${term.prefix ? "*" : ""}`;
    if (seen.has(key) || terms.length >= MAX_TERMS) continue;
    seen.add(key);
    terms.push(term);
    for (const u of units) (u.kind === "word" ? marks.words : marks.cjk).push(u.text);
  }
  if (terms.length === 0) return { ok: false, query, rejected: "no_terms", truncated };
  return { ok: true, query, terms, marks, truncated };
}
