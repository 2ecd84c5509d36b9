import { positionalTokens, tokenPositions, type TokenPositions } from "./text";

// The index is a set of lists, one per (field, token), each listing documents in ascending id
// order with the token's positions. A list's key is a letter for the field and the token. Ids
// keep kinds apart (live documents have ids below KIND_SPAN, working copies above: one list
// serves both, a search reads its kind's range) and carry the language in their lowest bit.

export type Kind = "live" | "work";
export type Lang = "zh" | "en";
export type Field = "title" | "summary" | "body";

export const LANGS: readonly Lang[] = ["zh", "en"];
export const FIELDS: readonly Field[] = ["title", "summary", "body"];

/** Positions kept per field: text beyond is not searchable (it bounds index size and work). */
export const MAX_POSITIONS: Record<Field, number> = { title: 400, summary: 2_000, body: 12_000 };

/** Ids per kind: 2^51 (ids stay below 2^52, plain numbers in JavaScript). */
export const KIND_SPAN = 2 ** 51;
const KINDS: Record<Kind, number> = { live: 0, work: 1 };
/** The lowest bit of a document id. */
export const LANG_BIT: Record<Lang, 0 | 1> = { zh: 0, en: 1 };
const FIELD: Record<Field, string> = { title: "t", summary: "s", body: "b" };

/** The ids of a kind: [from, to). */
export const kindRange = (kind: Kind): { from: number; to: number } => ({
  from: KINDS[kind] * KIND_SPAN,
  to: (KINDS[kind] + 1) * KIND_SPAN,
});

export const listKey = (field: Field, token: string): string => FIELD[field] + token;

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
export function documentLists(text: DocText): FieldLists[] {
  return FIELDS.map((field) => ({
    prefix: listKey(field, ""),
    ...tokenPositions(text[field], MAX_POSITIONS[field]),
  }));
}

/** Every list a document belongs to: key → positions. */
export function documentListMap(text: DocText): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const field of FIELDS) {
    for (const [token, positions] of positionalTokens(text[field], MAX_POSITIONS[field])) {
      out.set(listKey(field, token), positions);
    }
  }
  return out;
}
