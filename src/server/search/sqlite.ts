import "server-only";
import type { BlockRow } from "@/domain/search/cursor";
import { chunked, type DocumentRow, type PendingRow, type SearchStore, type StoredBlock } from "./engine";

// SQLite: tables "SearchDocument", "SearchBlock" (WITHOUT ROWID, clustered by list key and last
// id, so a list's blocks are next to each other) and "SearchPending". One writer at a time is
// SQLite's own rule, so lock() has nothing to do.

const marks = (n: number) => Array.from({ length: n }, () => "?").join(", ");
const DOC = `"id", "kind", "releaseId", "locale", "sortAt", "sourceHash" AS "hash"`;
// A compound SELECT has at most 500 terms in SQLite; keep well under.
const PER_STATEMENT = 200;

export const sqliteStore: SearchStore = {
  async lock() {},
  async lockIds() {},

  async documentsOf(tx, releaseIds) {
    if (releaseIds.length === 0) return [];
    return tx.$queryRawUnsafe<DocumentRow[]>(
      `SELECT ${DOC} FROM "SearchDocument" WHERE "releaseId" IN (${marks(releaseIds.length)})`,
      ...releaseIds,
    );
  },

  async documentsById(tx, ids) {
    const out: DocumentRow[] = [];
    for (const batch of chunked(ids)) {
      out.push(
        ...(await tx.$queryRawUnsafe<DocumentRow[]>(
          `SELECT ${DOC} FROM "SearchDocument" WHERE "id" IN (${marks(batch.length)})`,
          ...batch,
        )),
      );
    }
    return out;
  },

  async takenIds(tx, ids) {
    if (ids.length === 0) return [];
    const rows = await tx.$queryRawUnsafe<{ id: number }[]>(
      `SELECT "id" FROM "SearchDocument" WHERE "id" IN (${marks(ids.length)})
       UNION SELECT "id" FROM "SearchPending" WHERE "op" = 'remove' AND "id" IN (${marks(ids.length)})`,
      ...ids,
      ...ids,
    );
    return rows.map((r) => r.id);
  },

  async notYetVisible(tx, from, to, at) {
    const rows = await tx.$queryRawUnsafe<{ id: number }[]>(
      `SELECT "id" FROM "SearchDocument" WHERE "id" >= ? AND "id" < ? AND "sortAt" > ?`,
      from,
      to,
      at,
    );
    return rows.map((r) => r.id);
  },

  async insertDocuments(tx, docs) {
    for (const batch of chunked(docs, 100)) {
      await tx.$executeRawUnsafe(
        `INSERT INTO "SearchDocument" ("id", "kind", "releaseId", "locale", "sortAt", "sourceHash") VALUES ${batch
          .map(() => "(?, ?, ?, ?, ?, ?)")
          .join(", ")}`,
        ...batch.flatMap((d) => [d.id, d.kind, d.releaseId, d.locale, d.sortAt, d.hash]),
      );
    }
  },

  async deleteDocuments(tx, ids) {
    for (const batch of chunked(ids)) {
      await tx.$executeRawUnsafe(`DELETE FROM "SearchDocument" WHERE "id" IN (${marks(batch.length)})`, ...batch);
    }
  },

  async pending(tx, scopes) {
    return tx.$queryRawUnsafe<PendingRow[]>(
      `SELECT "seq", "id", "scope", "op", "lists" FROM "SearchPending" WHERE "scope" IN (${marks(scopes.length)}) ORDER BY "seq"`,
      ...scopes,
    );
  },

  async firstPending(tx, limit) {
    return tx.$queryRawUnsafe<PendingRow[]>(
      `SELECT "seq", "id", "scope", "op", "lists" FROM "SearchPending" WHERE "lists" IS NOT NULL ORDER BY "seq" LIMIT ?`,
      limit,
    );
  },

  async insertPending(tx, rows) {
    for (const batch of chunked(rows, 100)) {
      await tx.$executeRawUnsafe(
        `INSERT INTO "SearchPending" ("id", "scope", "op", "lists") VALUES ${batch.map(() => "(?, ?, ?, ?)").join(", ")}`,
        ...batch.flatMap((r) => [r.id, r.scope, r.op, r.lists]),
      );
    }
  },

  async deletePending(tx, seqs) {
    for (const batch of chunked(seqs)) {
      await tx.$executeRawUnsafe(`DELETE FROM "SearchPending" WHERE "seq" IN (${marks(batch.length)})`, ...batch);
    }
  },

  async fetchBlocks(tx, requests) {
    const out: BlockRow[][] = requests.map(() => []);
    for (let start = 0; start < requests.length; start += PER_STATEMENT) {
      const part = requests.slice(start, start + PER_STATEMENT);
      const sql = part
        .map(
          (r, i) =>
            `SELECT * FROM (SELECT ${start + i} AS "r", "last", "docs", ${r.positions ? `"pos"` : "NULL"} AS "pos" FROM "SearchBlock" WHERE "term" = ? AND "last" >= ? ORDER BY "last" LIMIT ?)`,
        )
        .join(" UNION ALL ");
      const rows = await tx.$queryRawUnsafe<(BlockRow & { r: number })[]>(
        sql,
        ...part.flatMap((r) => [r.key, r.from, r.limit]),
      );
      for (const { r, ...row } of rows) out[r]!.push(row);
    }
    for (const rows of out) rows.sort((a, b) => a.last - b.last);
    return out;
  },

  async blocksAround(tx, pairs) {
    const out = new Map<string, StoredBlock>();
    for (const batch of chunked(pairs, 400)) {
      const rows = await tx.$queryRawUnsafe<StoredBlock[]>(
        `WITH "q"("term", "id") AS (SELECT "value" ->> 0, "value" ->> 1 FROM json_each(?))
         SELECT b."term" AS "key", b."last", b."n", b."docs", b."pos" FROM "q" JOIN "SearchBlock" b
           ON b."term" = "q"."term" AND b."last" = COALESCE(
             (SELECT MIN("last") FROM "SearchBlock" WHERE "term" = "q"."term" AND "last" >= "q"."id"),
             (SELECT MAX("last") FROM "SearchBlock" WHERE "term" = "q"."term"))`,
        JSON.stringify(batch.map((p) => [p.key, p.id])),
      );
      for (const row of rows) out.set(`${row.last}:${row.key}`, row);
    }
    return [...out.values()];
  },

  async deleteBlocks(tx, blocks) {
    for (const batch of chunked(blocks, 400)) {
      await tx.$executeRawUnsafe(
        `DELETE FROM "SearchBlock" WHERE ("term", "last") IN (SELECT "value" ->> 0, "value" ->> 1 FROM json_each(?))`,
        JSON.stringify(batch.map((b) => [b.key, b.last])),
      );
    }
  },

  async insertBlocks(tx, blocks) {
    for (const batch of chunked(blocks, 200)) {
      await tx.$executeRawUnsafe(
        `INSERT INTO "SearchBlock" ("term", "last", "n", "docs", "pos") VALUES ${batch.map(() => "(?, ?, ?, ?, ?)").join(", ")}`,
        ...batch.flatMap((b) => [b.key, b.last, b.n, b.docs, b.pos]),
      );
    }
  },

  async clear(tx) {
    await tx.$executeRawUnsafe(`DELETE FROM "SearchPending"`);
    await tx.$executeRawUnsafe(`DELETE FROM "SearchBlock"`);
    await tx.$executeRawUnsafe(`DELETE FROM "SearchDocument"`);
  },

  async finish(tx) {
    await tx.$executeRawUnsafe(`ANALYZE "SearchDocument"`);
    await tx.$executeRawUnsafe(`ANALYZE "SearchBlock"`);
  },

  async size(tx) {
    const rows = await tx.$queryRawUnsafe<{ bytes: number | bigint | null }[]>(
      `SELECT SUM("pgsize") AS "bytes" FROM "dbstat" WHERE "name" IN ('SearchDocument', 'SearchBlock', 'SearchPending') OR "name" LIKE 'sqlite_autoindex_Search%' OR "name" LIKE 'SearchDocument_%'`,
    );
    return Number(rows[0]?.bytes ?? 0);
  },
};
