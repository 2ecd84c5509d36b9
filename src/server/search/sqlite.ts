import "server-only";
import type { Term } from "@/domain/search/query";
import type { Client, IndexDoc } from "./documents";
import { chunked, type Filter, type Match, type SearchEngine, type StoredDoc } from "./engine";

// SQLite: "SearchDocument" rows plus a contentless FTS5 table "SearchFts" (rowid = document id)
// whose columns hold the app's tokens separated by spaces. A trigger drops the FTS row when the
// document row goes (also through ON DELETE CASCADE from Release).

/** FTS5 query: every token double-quoted, so nothing the user typed is FTS syntax. */
export function ftsQuery(terms: Term[], scope: string): string {
  const phrases = terms.map((t) => `"${t.tokens.join(" ")}"${t.prefix ? " *" : ""}`);
  return `scope : "${scope}" AND {title summary body} : (${phrases.join(" AND ")})`;
}

// Column weights for bm25: scope, title, summary, body.
const RANK = `bm25("SearchFts", 0.0, 10.0, 4.0, 1.0)`;

export const sqliteEngine: SearchEngine = {
  async stored(tx, releaseIds) {
    if (releaseIds.length === 0) return [];
    const marks = releaseIds.map(() => "?").join(",");
    const rows = await tx.$queryRawUnsafe<(Omit<StoredDoc, "id"> & { id: number | bigint })[]>(
      `SELECT "id", "kind", "releaseId", "locale", "sourceHash" AS "hash" FROM "SearchDocument" WHERE "releaseId" IN (${marks})`,
      ...releaseIds,
    );
    return rows.map((r) => ({ ...r, id: Number(r.id) }));
  },

  async insert(tx, docs) {
    for (const batch of chunked(docs)) {
      const rows = await tx.$queryRawUnsafe<{ id: number | bigint; kind: string; releaseId: string; locale: string }[]>(
        `INSERT INTO "SearchDocument" ("kind", "releaseId", "locale", "sortAt", "sourceHash") VALUES ${batch
          .map(() => "(?, ?, ?, ?, ?)")
          .join(", ")} RETURNING "id", "kind", "releaseId", "locale"`,
        ...batch.flatMap((d) => [d.kind, d.releaseId, d.locale, d.sortAt, d.hash]),
      );
      const ids = new Map(rows.map((r) => [`${r.kind}:${r.releaseId}:${r.locale}`, Number(r.id)]));
      await tx.$executeRawUnsafe(
        `INSERT INTO "SearchFts" ("rowid", "scope", "title", "summary", "body") VALUES ${batch.map(() => "(?, ?, ?, ?, ?)").join(", ")}`,
        ...batch.flatMap((d) => [ids.get(`${d.kind}:${d.releaseId}:${d.locale}`), ...ftsColumns(d)]),
      );
    }
  },

  async remove(tx, ids) {
    for (const batch of chunked(ids, 500)) {
      await tx.$executeRawUnsafe(`DELETE FROM "SearchDocument" WHERE "id" IN (${batch.map(() => "?").join(",")})`, ...batch);
    }
  },

  async clear(tx) {
    await tx.$executeRawUnsafe(`DELETE FROM "SearchDocument"`);
    await tx.$executeRawUnsafe(`INSERT INTO "SearchFts" ("SearchFts") VALUES ('delete-all')`);
  },

  async finish(tx) {
    await tx.$executeRawUnsafe(`INSERT INTO "SearchFts" ("SearchFts") VALUES ('optimize')`);
    await tx.$executeRawUnsafe(`ANALYZE "SearchDocument"`);
  },

  async find(tx, terms, filter: Filter) {
    const scope = filter.locale ? `${filter.kind}${filter.locale}` : filter.kind;
    const rows = await tx.$queryRawUnsafe<(Match & { total: number | bigint })[]>(
      `SELECT d."kind", d."releaseId", d."locale", CAST(d."sortAt" AS REAL) AS "sortAt", COUNT(*) OVER () AS "total"
       FROM (SELECT "rowid" AS "rid", ${RANK} AS "score" FROM "SearchFts" WHERE "SearchFts" MATCH ?) f
       JOIN "SearchDocument" d ON d."id" = f."rid"
       WHERE (? IS NULL OR d."sortAt" <= ?)
       ORDER BY f."score", d."sortAt" DESC, d."releaseId", d."locale"
       LIMIT ? OFFSET ?`,
      ftsQuery(terms, scope),
      filter.visibleAt ?? null,
      filter.visibleAt ?? null,
      filter.limit,
      filter.offset,
    );
    const total = rows[0] ? Number(rows[0].total) : filter.offset > 0 ? await countOnly(tx, terms, scope, filter) : 0;
    return { matches: rows.map(({ total: _, ...m }) => ({ ...m, sortAt: Number(m.sortAt) })), total };
  },

  async size(tx) {
    const rows = await tx.$queryRawUnsafe<{ bytes: number | bigint | null }[]>(
      `SELECT SUM("pgsize") AS "bytes" FROM "dbstat" WHERE "name" LIKE 'SearchFts%' OR "name" LIKE 'SearchDocument%' OR "name" LIKE 'sqlite_autoindex_SearchDocument%'`,
    );
    return Number(rows[0]?.bytes ?? 0);
  },
};

/** Scope tokens ("live", "livezh") let one FTS lookup filter by kind and language. */
function ftsColumns(d: IndexDoc): string[] {
  return [`${d.kind} ${d.kind}${d.locale}`, d.fields.title.join(" "), d.fields.summary.join(" "), d.fields.body.join(" ")];
}

/** A page past the end still reports how many matches there are. */
async function countOnly(tx: Client, terms: Term[], scope: string, filter: Filter): Promise<number> {
  const rows = await tx.$queryRawUnsafe<{ n: number | bigint }[]>(
    `SELECT COUNT(*) AS "n" FROM "SearchFts" JOIN "SearchDocument" d ON d."id" = "SearchFts"."rowid"
     WHERE "SearchFts" MATCH ? AND (? IS NULL OR d."sortAt" <= ?)`,
    ftsQuery(terms, scope),
    filter.visibleAt ?? null,
    filter.visibleAt ?? null,
  );
  return Number(rows[0]?.n ?? 0);
}
