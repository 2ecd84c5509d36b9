import "server-only";
import type { Term } from "@/domain/search/query";
import { assignIds, idFloor, type Client, type IndexDoc } from "./documents";
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

// SQLite: "SearchDocument" rows plus a contentless FTS5 table "SearchFts" (rowid = document id)
// whose columns hold the app's tokens separated by spaces. A trigger drops the FTS row when the
// document row goes (also through ON DELETE CASCADE from Release). Document ids fall as the date
// grows (documents.ts), so "newest first" is FTS5's rowid order, and LIMIT stops the walk.

/** FTS5 query: every token double-quoted, so nothing the user typed is FTS syntax. */
export function ftsQuery(terms: Term[], scope: string, fields: readonly Field[] = TIERS[TIERS.length - 1]!): string {
  const phrases = terms.map((t) => `"${t.tokens.join(" ")}"${t.prefix ? " *" : ""}`);
  return `scope : "${scope}" AND {${fields.join(" ")}} : (${phrases.join(" AND ")})`;
}

const NO_FLOOR = 0n;
const ids = (rows: { id: string }[]) => rows.map((r) => BigInt(r.id));

export const sqliteEngine: SearchEngine = {
  async stored(tx, releaseIds) {
    if (releaseIds.length === 0) return [];
    const marks = releaseIds.map(() => "?").join(",");
    const rows = await tx.$queryRawUnsafe<(Omit<StoredDoc, "id"> & { id: string })[]>(
      `SELECT CAST("id" AS TEXT) AS "id", "kind", "releaseId", "locale", "sourceHash" AS "hash" FROM "SearchDocument" WHERE "releaseId" IN (${marks})`,
      ...releaseIds,
    );
    return rows.map((r) => ({ ...r, id: BigInt(r.id) }));
  },

  async insert(tx, docs) {
    for (const batch of chunked(docs)) {
      const docIds = await assignIds(batch, async (candidates) =>
        ids(
          await tx.$queryRawUnsafe<{ id: string }[]>(
            `SELECT CAST("id" AS TEXT) AS "id" FROM "SearchDocument" WHERE "id" IN (${candidates.map(() => "?").join(",")})`,
            ...candidates,
          ),
        ),
      );
      await tx.$executeRawUnsafe(
        `INSERT INTO "SearchDocument" ("id", "kind", "releaseId", "locale", "sortAt", "sourceHash") VALUES ${batch
          .map(() => "(?, ?, ?, ?, ?, ?)")
          .join(", ")}`,
        ...batch.flatMap((d, i) => [docIds[i]!, d.kind, d.releaseId, d.locale, d.sortAt, d.hash]),
      );
      await tx.$executeRawUnsafe(
        `INSERT INTO "SearchFts" ("rowid", "scope", "title", "summary", "body") VALUES ${batch.map(() => "(?, ?, ?, ?, ?)").join(", ")}`,
        ...batch.flatMap((d, i) => [docIds[i]!, ...ftsColumns(d)]),
      );
    }
  },

  async remove(tx, ids) {
    for (const batch of chunked(ids, 500)) {
      await tx.$executeRawUnsafe(
        `DELETE FROM "SearchDocument" WHERE "id" IN (${batch.map(() => "?").join(",")})`,
        ...batch,
      );
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
    const floor = filter.visibleAt === undefined ? NO_FLOOR : idFloor(filter.visibleAt);
    // A page past the cap shows nothing and only needs the count.
    const need = filter.offset < needed(filter) ? needed(filter) : 0;
    const newest = async (fields: readonly Field[]) =>
      ids(
        await tx.$queryRawUnsafe<{ id: string }[]>(
          `SELECT CAST("rowid" AS TEXT) AS "id" FROM "SearchFts" WHERE "SearchFts" MATCH ? AND "rowid" >= ? ORDER BY "rowid" LIMIT ?`,
          ftsQuery(terms, scope, fields),
          floor,
          need,
        ),
      );
    // Tier by tier, the newest `need` ids. A tier's list includes the tiers above it, which are
    // short (else we would have stopped), so `need` rows always hold enough new ones.
    const ranked: bigint[] = [];
    let all: bigint[] | null = null;
    for (const fields of TIERS) {
      if (ranked.length >= need) break;
      const rows = await newest(fields);
      const seen = new Set(ranked);
      ranked.push(...rows.filter((id) => !seen.has(id)).slice(0, need - ranked.length));
      if (fields === TIERS[TIERS.length - 1]) all = rows;
    }
    // The last tier holds every match: fewer rows than asked for is all of them. Otherwise count,
    // up to the cap (a separate query: cheaper than walking the cap's worth of ids in order).
    const counted =
      all && all.length < need
        ? all.length
        : Number(
            (
              await tx.$queryRawUnsafe<{ n: number | bigint }[]>(
                `SELECT COUNT(*) AS "n" FROM (SELECT 1 FROM "SearchFts" WHERE "SearchFts" MATCH ? AND "rowid" >= ? LIMIT ?)`,
                ftsQuery(terms, scope),
                floor,
                filter.cap + 1,
              )
            )[0]?.n ?? 0,
          );
    const page = ranked.slice(filter.offset);
    return {
      matches: await matchesOf(tx, page),
      total: Math.min(counted, filter.cap),
      totalIsLowerBound: counted > filter.cap,
    };
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
  return [
    `${d.kind} ${d.kind}${d.locale}`,
    d.fields.title.join(" "),
    d.fields.summary.join(" "),
    d.fields.body.join(" "),
  ];
}

/** The documents of these ids, in the same order. */
async function matchesOf(tx: Client, page: bigint[]): Promise<Match[]> {
  if (page.length === 0) return [];
  const rows = await tx.$queryRawUnsafe<(Match & { id: string })[]>(
    `SELECT CAST("id" AS TEXT) AS "id", "kind", "releaseId", "locale", CAST("sortAt" AS REAL) AS "sortAt" FROM "SearchDocument" WHERE "id" IN (${page.map(() => "?").join(",")})`,
    ...page,
  );
  const byId = new Map(rows.map(({ id, ...m }) => [id, { ...m, sortAt: Number(m.sortAt) }]));
  return page.flatMap((id) => byId.get(String(id)) ?? []);
}
