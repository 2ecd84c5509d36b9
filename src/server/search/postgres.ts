import "server-only";
import type { BlockRow } from "@/domain/search/cursor";
import { chunked, type DocumentRow, type PendingRow, type SearchStore, type StoredBlock } from "./engine";

// PostgreSQL: the same tables as SQLite ("SearchBlock" keyed by list key and last id), lists of
// values passed as arrays (unnest), bigints read as float8 (ids stay below 2^53). Block writers
// take a transaction-scoped advisory lock, so two merges never rewrite the same block at once.

const LOCK_KEY = 0x5ea4c4; // "search" in the application's advisory lock space
const DOC = `"id"::float8 AS "id", "kind", "releaseId", "locale", "sortAt"::float8 AS "sortAt", "sourceHash" AS "hash"`;
const PENDING = `"seq"::float8 AS "seq", "id"::float8 AS "id", "scope", "op", "lists"`;
const BLOCK = `b."term" AS "key", b."last"::float8 AS "last", b."n", b."docs", b."pos"`;

export const postgresStore: SearchStore = {
  async lock(tx) {
    await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${LOCK_KEY})`);
  },

  async lockIds(tx) {
    await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${LOCK_KEY + 1})`);
  },

  async documentsOf(tx, releaseIds) {
    if (releaseIds.length === 0) return [];
    return tx.$queryRawUnsafe<DocumentRow[]>(
      `SELECT ${DOC} FROM "SearchDocument" WHERE "releaseId" = ANY($1::text[])`,
      releaseIds,
    );
  },

  async documentsById(tx, ids) {
    if (ids.length === 0) return [];
    return tx.$queryRawUnsafe<DocumentRow[]>(
      `SELECT ${DOC} FROM "SearchDocument" WHERE "id" = ANY($1::float8[]::bigint[])`,
      ids,
    );
  },

  async takenIds(tx, ids) {
    if (ids.length === 0) return [];
    const rows = await tx.$queryRawUnsafe<{ id: number }[]>(
      `SELECT "id"::float8 AS "id" FROM "SearchDocument" WHERE "id" = ANY($1::float8[]::bigint[])
       UNION SELECT "id"::float8 FROM "SearchPending" WHERE "op" = 'remove' AND "id" = ANY($1::float8[]::bigint[])`,
      ids,
    );
    return rows.map((r) => r.id);
  },

  async notYetVisible(tx, from, to, at) {
    const rows = await tx.$queryRawUnsafe<{ id: number }[]>(
      `SELECT "id"::float8 AS "id" FROM "SearchDocument" WHERE "id" >= $1::float8::bigint AND "id" < $2::float8::bigint AND "sortAt" > $3::float8::bigint`,
      from,
      to,
      at,
    );
    return rows.map((r) => r.id);
  },

  async insertDocuments(tx, docs) {
    for (const batch of chunked(docs, 2_000)) {
      await tx.$executeRawUnsafe(
        `INSERT INTO "SearchDocument" ("id", "kind", "releaseId", "locale", "sortAt", "sourceHash")
         SELECT * FROM unnest($1::float8[]::bigint[], $2::text[], $3::text[], $4::text[], $5::float8[]::bigint[], $6::text[])`,
        batch.map((d) => d.id),
        batch.map((d) => d.kind),
        batch.map((d) => d.releaseId),
        batch.map((d) => d.locale),
        batch.map((d) => d.sortAt),
        batch.map((d) => d.hash),
      );
    }
  },

  async deleteDocuments(tx, ids) {
    if (ids.length === 0) return;
    await tx.$executeRawUnsafe(`DELETE FROM "SearchDocument" WHERE "id" = ANY($1::float8[]::bigint[])`, ids);
  },

  async pending(tx, scopes) {
    return tx.$queryRawUnsafe<PendingRow[]>(
      `SELECT ${PENDING} FROM "SearchPending" WHERE "scope" = ANY($1::text[]) ORDER BY "seq"`,
      scopes,
    );
  },

  async firstPending(tx, limit) {
    return tx.$queryRawUnsafe<PendingRow[]>(
      `SELECT ${PENDING} FROM "SearchPending" WHERE "lists" IS NOT NULL ORDER BY "seq" LIMIT $1`,
      limit,
    );
  },

  async insertPending(tx, rows) {
    if (rows.length === 0) return;
    await tx.$executeRawUnsafe(
      `INSERT INTO "SearchPending" ("id", "scope", "op", "lists")
       SELECT * FROM unnest($1::float8[]::bigint[], $2::text[], $3::text[], $4::text[])`,
      rows.map((r) => r.id),
      rows.map((r) => r.scope),
      rows.map((r) => r.op),
      rows.map((r) => r.lists),
    );
  },

  async deletePending(tx, seqs) {
    if (seqs.length === 0) return;
    await tx.$executeRawUnsafe(`DELETE FROM "SearchPending" WHERE "seq" = ANY($1::float8[]::bigint[])`, seqs);
  },

  async fetchBlocks(tx, requests) {
    const out: BlockRow[][] = requests.map(() => []);
    if (requests.length === 0) return out;
    // pos is only read (and detoasted) where asked for.
    const rows = await tx.$queryRawUnsafe<(BlockRow & { r: number })[]>(
      `SELECT q."r"::int AS "r", b."last"::float8 AS "last", b."docs", CASE WHEN q."p" THEN b."pos" END AS "pos"
       FROM unnest($1::text[], $2::float8[], $3::int[], $4::bool[]) WITH ORDINALITY AS q("term", "from", "lim", "p", "r")
       CROSS JOIN LATERAL (SELECT "last", "docs", "pos" FROM "SearchBlock"
         WHERE "term" = q."term" AND "last" >= q."from"::bigint ORDER BY "last" LIMIT q."lim") b`,
      requests.map((r) => r.key),
      requests.map((r) => r.from),
      requests.map((r) => r.limit),
      requests.map((r) => r.positions),
    );
    for (const { r, ...row } of rows) out[r - 1]!.push(row);
    for (const list of out) list.sort((a, b) => a.last - b.last);
    return out;
  },

  async blocksAround(tx, pairs) {
    const out = new Map<string, StoredBlock>();
    for (const batch of chunked(pairs, 5_000)) {
      const rows = await tx.$queryRawUnsafe<StoredBlock[]>(
        `SELECT ${BLOCK} FROM unnest($1::text[], $2::float8[]) AS q("term", "id")
         CROSS JOIN LATERAL (
           (SELECT * FROM "SearchBlock" WHERE "term" = q."term" AND "last" >= q."id"::bigint ORDER BY "last" LIMIT 1)
           UNION ALL
           (SELECT * FROM "SearchBlock" WHERE "term" = q."term" ORDER BY "last" DESC LIMIT 1)
           LIMIT 1) b`,
        batch.map((p) => p.key),
        batch.map((p) => p.id),
      );
      for (const row of rows) out.set(`${row.last}:${row.key}`, row);
    }
    return [...out.values()];
  },

  async deleteBlocks(tx, blocks) {
    for (const batch of chunked(blocks, 5_000)) {
      await tx.$executeRawUnsafe(
        `DELETE FROM "SearchBlock" b USING unnest($1::text[], $2::float8[]) AS q("term", "last")
         WHERE b."term" = q."term" AND b."last" = q."last"::bigint`,
        batch.map((b) => b.key),
        batch.map((b) => b.last),
      );
    }
  },

  async insertBlocks(tx, blocks) {
    for (const batch of chunked(blocks, 2_000)) {
      await tx.$executeRawUnsafe(
        `INSERT INTO "SearchBlock" ("term", "last", "n", "docs", "pos")
         SELECT * FROM unnest($1::text[], $2::float8[]::bigint[], $3::int[], $4::bytea[], $5::bytea[])`,
        batch.map((b) => b.key),
        batch.map((b) => b.last),
        batch.map((b) => b.n),
        batch.map((b) => Buffer.from(b.docs.buffer, b.docs.byteOffset, b.docs.byteLength)),
        batch.map((b) => Buffer.from(b.pos.buffer, b.pos.byteOffset, b.pos.byteLength)),
      );
    }
  },

  async clear(tx) {
    await tx.$executeRawUnsafe(`TRUNCATE "SearchPending", "SearchBlock", "SearchDocument"`);
  },

  async finish(tx) {
    await tx.$executeRawUnsafe(`ANALYZE "SearchDocument"`);
    await tx.$executeRawUnsafe(`ANALYZE "SearchBlock"`);
  },

  async size(tx) {
    const rows = await tx.$queryRawUnsafe<{ bytes: number }[]>(
      `SELECT (pg_total_relation_size('"SearchDocument"') + pg_total_relation_size('"SearchBlock"')
        + pg_total_relation_size('"SearchPending"'))::float8 AS "bytes"`,
    );
    return Number(rows[0]?.bytes ?? 0);
  },
};
