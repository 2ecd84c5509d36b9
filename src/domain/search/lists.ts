import { positionalTokens, tokenPositions, type TokenPositions } from "./text";

// The index is a set of lists, one per (kind, language, field, token), each listing documents in
// ascending id order (newest first) with the token's positions. A list's key is two letters and
// the token: the first letter says kind and language, the second the field.

export type Kind = "live" | "work";
export type Lang = "zh" | "en";
export type Field = "title" | "summary" | "body";

export const LANGS: readonly Lang[] = ["zh", "en"];
export const FIELDS: readonly Field[] = ["title", "summary", "body"];

/** Positions kept per field: text beyond is not searchable (it bounds index size and work). */
export const MAX_POSITIONS: Record<Field, number> = { title: 400, summary: 2_000, body: 12_000 };

const SCOPE: Record<Kind, Record<Lang, string>> = { live: { zh: "L", en: "l" }, work: { zh: "W", en: "w" } };
const FIELD: Record<Field, string> = { title: "t", summary: "s", body: "b" };

export const scopeOf = (kind: Kind, locale: Lang): string => SCOPE[kind][locale];

export const listKey = (scope: string, field: Field, token: string): string => scope + FIELD[field] + token;

export interface DocText {
  title: string;
  summary: string;
  body: string;
}

/** The lists of one field of a document: the key prefix (listKey) and its tokens' positions. */
export interface FieldLists extends TokenPositions {
  prefix: string;
}

/** Every list a document belongs to, field by field. */
export function documentLists(scope: string, text: DocText): FieldLists[] {
  return FIELDS.map((field) => ({
    prefix: listKey(scope, field, ""),
    ...tokenPositions(text[field], MAX_POSITIONS[field]),
  }));
}

/** Every list a document belongs to: key → positions. */
export function documentListMap(scope: string, text: DocText): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const field of FIELDS) {
    for (const [token, positions] of positionalTokens(text[field], MAX_POSITIONS[field])) {
      out.set(listKey(scope, field, token), positions);
    }
  }
  return out;
}
