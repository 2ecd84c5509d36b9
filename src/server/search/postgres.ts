import "server-only";
import type { Term } from "@/domain/search/query";
import type { Client, IndexDoc } from "./documents";
import { chunked, type Filter, type Match, type SearchEngine, type StoredDoc } from "./engine";

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

/** tsquery literal: `'a' <-> 'b'` for phrases, `:*` for a prefix, terms joined with &. */
export function tsqueryLiteral(terms: Term[]): string {
  return terms
    .map((t) => `(${t.tokens.map((tok, i) => quote(tok) + (t.prefix && i === t.tokens.length - 1 ? ":*" : "")).join(" <-> ")})`)
    .join(" & ");
}

// ts_rank weights in order {D, C, B, A}: body, (unused), summary, title; as bm25's 1 : 4 : 10.
const WEIGHTS = `'{0.1, 0.0, 0.4, 1.0}'::float4[]`;

export const postgresEngine: SearchEngine = {
  async stored(tx, releaseIds) {
    if (releaseIds.length === 0) return [];
    const rows = await tx.$queryRawUnsafe<(Omit<StoredDoc, "id"> & { id: number | bigint })[]>(
      `SELECT "id", "kind", "releaseId", "locale", "sourceHash" AS "hash" FROM "SearchDocument" WHERE "releaseId" = ANY($1::text[])`,
      releaseIds,
    );
    return rows.map((r) => ({ ...r, id: Number(r.id) }));
  },

  async insert(tx, docs) {
    for (const batch of chunked(docs)) {
      await tx.$executeRawUnsafe(
        `INSERT INTO "SearchDocument" ("kind", "releaseId", "locale", "sortAt", "sourceHash", "tsv")
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]::bigint[], $5::text[], $6::text[]::tsvector[])`,
        batch.map((d) => d.kind),
        batch.map((d) => d.releaseId),
        batch.map((d) => d.locale),
        batch.map((d) => String(d.sortAt)),
        batch.map((d) => d.hash),
        batch.map(tsvectorLiteral),
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
    const rows = await tx.$queryRawUnsafe<(Match & { total: number | bigint })[]>(
      `SELECT "kind", "releaseId", "locale", "sortAt"::float8 AS "sortAt", "total"::int AS "total" FROM (
         SELECT d.*, ts_rank(${WEIGHTS}, d."tsv", q.q) AS "score", COUNT(*) OVER () AS "total"
         FROM "SearchDocument" d, (SELECT $1::tsquery AS q) q
         WHERE d."tsv" @@ q.q AND d."kind" = $2 AND ($3::text IS NULL OR d."locale" = $3)
           AND ($4::text IS NULL OR d."sortAt" <= $4::bigint)
       ) r ORDER BY "score" DESC, "sortAt" DESC, "releaseId", "locale" LIMIT $5::int OFFSET $6::int`,
      tsqueryLiteral(terms),
      filter.kind,
      filter.locale ?? null,
      filter.visibleAt === undefined ? null : String(filter.visibleAt),
      filter.limit,
      filter.offset,
    );
    const total = rows[0] ? Number(rows[0].total) : filter.offset > 0 ? await countOnly(tx, terms, filter) : 0;
    return { matches: rows.map(({ total: _, ...m }) => ({ ...m, sortAt: Number(m.sortAt) })), total };
  },

  async size(tx) {
    const rows = await tx.$queryRawUnsafe<{ bytes: number | bigint }[]>(
      `SELECT pg_total_relation_size('"SearchDocument"')::float8 AS "bytes"`,
    );
    return Number(rows[0]?.bytes ?? 0);
  },
};

async function countOnly(tx: Client, terms: Term[], filter: Filter): Promise<number> {
  const rows = await tx.$queryRawUnsafe<{ n: number }[]>(
    `SELECT COUNT(*)::int AS "n" FROM "SearchDocument" d WHERE d."tsv" @@ $1::tsquery AND d."kind" = $2
       AND ($3::text IS NULL OR d."locale" = $3) AND ($4::text IS NULL OR d."sortAt" <= $4::bigint)`,
    tsqueryLiteral(terms),
    filter.kind,
    filter.locale ?? null,
    filter.visibleAt === undefined ? null : String(filter.visibleAt),
  );
  return Number(rows[0]?.n ?? 0);
}
