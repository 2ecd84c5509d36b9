import "server-only";
import type { Term } from "@/domain/search/query";
import { assignIds, type IndexDoc } from "./documents";
import {
  chunked,
  needed,
  TIERS,
  type Field,
  type Filter,
  type Match,
  type SearchEngine,
  type StoredDoc,
} from "./engine";

// PostgreSQL: "SearchDocument" rows with a weighted tsvector built by the app (no PostgreSQL
// parser or dictionary involved, so both engines see the same tokens) and a GIN index on it.

// Tokens are letters, digits and CJK only; doubling quotes and backslashes is belt and braces.
const quote = (token: string) => `'${token.replace(/['\\]/g, (c) => c + c)}'`;

// PostgreSQL keeps at most 256 positions per lexeme; beyond that phrases cannot be checked anyway.
const MAX_POSITIONS = 256;

/**
 * tsvector literal: title weight A, summary B, body D. Fields are one position apart so that
 * a phrase never spans two fields (FTS5 columns behave the same).
 */
export function tsvectorLiteral(d: IndexDoc): string {
  const lexemes = new Map<string, string[]>();
  let position = 1;
  for (const [tokens, weight] of [
    [d.fields.title, "A"],
    [d.fields.summary, "B"],
    [d.fields.body, ""],
  ] as const) {
    for (const token of tokens) {
      const list = lexemes.get(token) ?? [];
      if (list.length < MAX_POSITIONS) list.push(`${position}${weight}`);
      lexemes.set(token, list);
      position++;
    }
    position++;
  }
  return [...lexemes].map(([t, ps]) => `${quote(t)}:${ps.join(",")}`).join(" ");
}

const WEIGHT: Record<Field, string> = { title: "A", summary: "B", body: "D" };

/**
 * tsquery literal: `'a' <-> 'b'` for phrases, `:*` for a prefix, terms joined with &. With
 * `fields`, every lexeme must sit in one of them (`'a':AB`), like FTS5's `{title summary} : …`.
 */
export function tsqueryLiteral(terms: Term[], fields?: readonly Field[]): string {
  const weights = fields && fields.length < 3 ? fields.map((f) => WEIGHT[f]).join("") : "";
  const lexeme = (tok: string, prefix: boolean) => {
    const label = (prefix ? "*" : "") + weights;
    return quote(tok) + (label ? `:${label}` : "");
  };
  return terms
    .map((t) => `(${t.tokens.map((tok, i) => lexeme(tok, t.prefix && i === t.tokens.length - 1)).join(" <-> ")})`)
    .join(" & ");
}

export const postgresEngine: SearchEngine = {
  async stored(tx, releaseIds) {
    if (releaseIds.length === 0) return [];
    const rows = await tx.$queryRawUnsafe<(Omit<StoredDoc, "id"> & { id: string })[]>(
      `SELECT "id"::text AS "id", "kind", "releaseId", "locale", "sourceHash" AS "hash" FROM "SearchDocument" WHERE "releaseId" = ANY($1::text[])`,
      releaseIds,
    );
    return rows.map((r) => ({ ...r, id: BigInt(r.id) }));
  },

  async insert(tx, docs) {
    for (const batch of chunked(docs)) {
      const ids = await assignIds(batch, async (candidates) =>
        (
          await tx.$queryRawUnsafe<{ id: string }[]>(
            `SELECT "id"::text AS "id" FROM "SearchDocument" WHERE "id" = ANY($1::text[]::bigint[])`,
            candidates.map(String),
          )
        ).map((r) => BigInt(r.id)),
      );
      await tx.$executeRawUnsafe(
        `INSERT INTO "SearchDocument" ("id", "kind", "releaseId", "locale", "sortAt", "sourceHash", "tsv")
         SELECT * FROM unnest($7::text[]::bigint[], $1::text[], $2::text[], $3::text[], $4::text[]::bigint[], $5::text[], $6::text[]::tsvector[])`,
        batch.map((d) => d.kind),
        batch.map((d) => d.releaseId),
        batch.map((d) => d.locale),
        batch.map((d) => String(d.sortAt)),
        batch.map((d) => d.hash),
        batch.map(tsvectorLiteral),
        ids.map(String),
      );
    }
  },

  async remove(tx, ids) {
    if (ids.length === 0) return;
    await tx.$executeRawUnsafe(`DELETE FROM "SearchDocument" WHERE "id" = ANY($1::text[]::bigint[])`, ids.map(String));
  },

  async clear(tx) {
    await tx.$executeRawUnsafe(`DELETE FROM "SearchDocument"`);
  },

  async finish(tx) {
    await tx.$executeRawUnsafe(`ANALYZE "SearchDocument"`);
  },

  async find(tx, terms, filter: Filter) {
    // The same rule as SQLite, computed over every match: the tier (TIERS, by weight-restricted
    // queries), then the id, which falls as the date grows (documents.ts).
    const need = needed(filter);
    const [title, upper] = TIERS.slice(0, 2).map((fields) => tsqueryLiteral(terms, fields));
    const rows = await tx.$queryRawUnsafe<(Match & { id: string | null; total: number })[]>(
      `WITH m AS (
         SELECT d."id", d."kind", d."releaseId", d."locale", d."sortAt",
                CASE WHEN d."tsv" @@ $7::tsquery THEN 1 WHEN d."tsv" @@ $8::tsquery THEN 2 ELSE 3 END AS "tier"
         FROM "SearchDocument" d
         WHERE d."tsv" @@ $1::tsquery AND d."kind" = $2 AND ($3::text IS NULL OR d."locale" = $3)
           AND ($4::text IS NULL OR d."sortAt" <= $4::bigint)
       ), page AS (
         SELECT * FROM m ORDER BY "tier", "id" LIMIT $5::int OFFSET $6::int
       )
       SELECT c."total", p."id"::text AS "id", p."kind", p."releaseId", p."locale", p."sortAt"::float8 AS "sortAt"
       FROM (SELECT COUNT(*)::int AS "total" FROM (SELECT 1 FROM m LIMIT $9::int) x) c
       LEFT JOIN page p ON true
       ORDER BY p."tier", p."id"`,
      tsqueryLiteral(terms),
      filter.kind,
      filter.locale ?? null,
      filter.visibleAt === undefined ? null : String(filter.visibleAt),
      Math.max(0, need - filter.offset),
      filter.offset,
      title,
      upper,
      filter.cap + 1,
    );
    const counted = Number(rows[0]?.total ?? 0);
    const matches = rows
      .filter((r) => r.id !== null)
      .map((r) => ({ kind: r.kind, releaseId: r.releaseId, locale: r.locale, sortAt: Number(r.sortAt) }));
    return { matches, total: Math.min(counted, filter.cap), totalIsLowerBound: counted > filter.cap };
  },

  async size(tx) {
    const rows = await tx.$queryRawUnsafe<{ bytes: number | bigint }[]>(
      `SELECT pg_total_relation_size('"SearchDocument"')::float8 AS "bytes"`,
    );
    return Number(rows[0]?.bytes ?? 0);
  },
};
