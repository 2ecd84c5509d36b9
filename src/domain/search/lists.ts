import type { ContentLocale } from "@/i18n/settings";
import { positionalTokens } from "./text";

// The index is a set of lists, one per (field, token), each listing documents in ascending id
// order with the token's positions. A list's key is a letter for the field and the token.
//
// A document is one text of one language of a release, in one role: the live snapshot only, the
// working copy only, or both when they hold the same text (most published releases): one set of
// postings then serves public and admin search. Its id's lowest three bits say the role and the
// language, so a search skips the ids it must not see without reading anything else.

export type Kind = "live" | "work";
export type Field = "title" | "summary" | "body";
/** Which searches see a document: public (live), admin (work), or both (shared). */
export type Role = "live" | "work" | "shared";

export const LANGS: readonly ContentLocale[] = ["zh", "en"];
export const FIELDS: readonly Field[] = ["title", "summary", "body"];

/** Positions kept per field: text beyond is not searchable (it bounds index size and work). */
export const MAX_POSITIONS: Record<Field, number> = { title: 400, summary: 2_000, body: 12_000 };

const LANG_BIT: Record<ContentLocale, number> = { zh: 0, en: 1 };
const ROLE_BITS: Record<Role, number> = { live: 0, shared: 1, work: 2 };
const FIELD: Record<Field, string> = { title: "t", summary: "s", body: "b" };

/** The lowest three bits of a document's id: role and language. */
export const idTag = (role: Role, locale: ContentLocale): number => ROLE_BITS[role] * 2 + LANG_BIT[locale];

/** The tags (idTag) a search of this kind, in one language or both, may see, as a bit set of 8. */
export function visibleTags(kind: Kind, locale?: ContentLocale): number {
  const roles: Role[] = kind === "live" ? ["live", "shared"] : ["work", "shared"];
  let mask = 0;
  for (const role of roles) for (const l of locale ? [locale] : LANGS) mask |= 1 << idTag(role, l);
  return mask;
}

export const listKey = (field: Field, token: string): string => FIELD[field] + token;

export interface DocText {
  title: string;
  summary: string;
  body: string;
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
