import "server-only";
import type { BlockRow } from "@/domain/search/cursor";
import {
  chunked,
  type DocumentRow,
  type HitRow,
  type PendingRow,
  type PlaceRow,
  type SearchStore,
  type StoredBlock,
  type TextRow,
} from "./engine";

// SQLite: tables "SearchDocument", "SearchBlock" (found through its (term, last) index) and
// "SearchPending". One writer at a time is SQLite's own rule, so the locks have nothing to do.

type At = string | number | null;
// Prisma stores dates as ISO text (older rows may hold milliseconds): read them as it does.
const ms = (at: At) => (at === null ? null : typeof at === "number" ? at : Date.parse(at));
const marks = (n: number) => Array.from({ length: n }, () => "?").join(", ");
const DOC = `"id", "role", "releaseId", "locale", "sortAt", "sourceHash" AS "hash"`;
// A compound SELECT has at most 500 terms in SQLite; keep well under.
const PER_STATEMENT = 200;
const BLOCKS_PER_INSERT = 200;
const insertBlocksText = (n: number) =>
  `INSERT INTO "SearchBlock" ("term", "last", "n", "docs", "pos") VALUES ${Array.from({ length: n }, () => "(?, ?, ?, ?, ?)").join(", ")}`;
const INSERT_BLOCKS = insertBlocksText(BLOCKS_PER_INSERT);
// Page cache of a rebuild's connection (negative: KiB) while millions of rows go in and their key
// index is built (measured when the index took the rows as they came: 30% less time than SQLite's
// default of 2 MB). Back to the default after.
const BULK_CACHE_KB = -65_536;
const DEFAULT_CACHE_KB = -2_000;

// As the migration (20261203040000_search_postings) creates it.
const BLOCK_KEY_INDEX = `CREATE UNIQUE INDEX "SearchBlock_term_last_key" ON "SearchBlock"("term", "last")`;

export const sqliteStore: SearchStore = {
  async lock() {},
  async lockIds() {},

  async documentsOf(sql, releaseIds) {
    if (releaseIds.length === 0) return [];
    return sql.all<DocumentRow>(
      `SELECT ${DOC} FROM "SearchDocument" WHERE "releaseId" IN (${marks(releaseIds.length)})`,
      [...releaseIds],
    );
  },

  async documentsById(sql, ids) {
    const out: DocumentRow[] = [];
    for (const batch of chunked(ids)) {
      out.push(
        ...(await sql.all<DocumentRow>(`SELECT ${DOC} FROM "SearchDocument" WHERE "id" IN (${marks(batch.length)})`, [
          ...batch,
        ])),
      );
    }
    return out;
  },

  async allDocuments(sql) {
    return sql.all<DocumentRow>(`SELECT ${DOC} FROM "SearchDocument"`);
  },

  async takenIds(sql, ids) {
    if (ids.length === 0) return [];
    const rows = await sql.all<{ id: number }>(
      `SELECT "id" FROM "SearchDocument" WHERE "id" IN (${marks(ids.length)})
       UNION SELECT "id" FROM "SearchPending" WHERE "op" = 'remove' AND "id" IN (${marks(ids.length)})`,
      [...ids, ...ids],
    );
    return rows.map((r) => r.id);
  },

  async notYetVisible(sql, from, to, at) {
    const rows = await sql.all<{ id: number }>(
      `SELECT "id" FROM "SearchDocument" WHERE "id" >= ? AND "id" < ? AND "sortAt" > ?`,
      [from, to, at],
    );
    return rows.map((r) => r.id);
  },

  async insertDocuments(sql, docs) {
    for (const batch of chunked(docs, 100)) {
      await sql.run(
        `INSERT INTO "SearchDocument" ("id", "role", "releaseId", "locale", "sortAt", "sourceHash") VALUES ${batch
          .map(() => "(?, ?, ?, ?, ?, ?)")
          .join(", ")}`,
        [...batch.flatMap((d) => [d.id, d.role, d.releaseId, d.locale, d.sortAt, d.hash])],
      );
    }
  },

  async deleteDocuments(sql, ids) {
    for (const batch of chunked(ids)) {
      await sql.run(`DELETE FROM "SearchDocument" WHERE "id" IN (${marks(batch.length)})`, [...batch]);
    }
  },

  async pending(sql, scopes) {
    return sql.all<PendingRow>(
      `SELECT "seq", "id", "scope", "op", "lists" FROM "SearchPending" WHERE "scope" IN (${marks(scopes.length)}) ORDER BY "seq"`,
      [...scopes],
    );
  },

  async firstPending(sql, limit) {
    return sql.all<PendingRow>(
      `SELECT "seq", "id", "scope", "op", "lists" FROM "SearchPending" WHERE "lists" IS NOT NULL ORDER BY "seq" LIMIT ?`,
      [limit],
    );
  },

  async insertPending(sql, rows) {
    for (const batch of chunked(rows, 100)) {
      await sql.run(
        `INSERT INTO "SearchPending" ("id", "scope", "op", "lists") VALUES ${batch.map(() => "(?, ?, ?, ?)").join(", ")}`,
        [...batch.flatMap((r) => [r.id, r.scope, r.op, r.lists])],
      );
    }
  },

  async deletePending(sql, seqs) {
    for (const batch of chunked(seqs)) {
      // Exactly these rows, or another merge took them first (the batch is then rolled back).
      await sql.runChanging(
        `DELETE FROM "SearchPending" WHERE "seq" IN (${marks(batch.length)})`,
        [...batch],
        batch.length,
      );
    }
  },

  async fetchBlocks(sql, requests) {
    const out: BlockRow[][] = requests.map(() => []);
    for (let start = 0; start < requests.length; start += PER_STATEMENT) {
      const part = requests.slice(start, start + PER_STATEMENT);
      // The text depends only on the number of requests: few distinct statements to prepare.
      const text = part
        .map(
          () =>
            `SELECT * FROM (SELECT ? AS "r", "last", "docs", CASE WHEN ? THEN "pos" END AS "pos" FROM "SearchBlock" WHERE "term" = ? AND "last" >= ? ORDER BY "last" LIMIT ?)`,
        )
        .join(" UNION ALL ");
      const rows = await sql.all<BlockRow & { r: number }>(
        text,
        part.flatMap((r, i) => [start + i, r.positions ? 1 : 0, r.key, r.from, r.limit]),
      );
      for (const { r, ...row } of rows) out[r]!.push(row);
    }
    for (const rows of out) rows.sort((a, b) => a.last - b.last);
    return out;
  },

  async blocksAround(sql, pairs) {
    const out = new Map<string, StoredBlock>();
    for (const batch of chunked(pairs, 400)) {
      const rows = await sql.all<StoredBlock>(
        `WITH "q"("term", "id") AS (SELECT "value" ->> 0, "value" ->> 1 FROM json_each(?))
         SELECT b."term" AS "key", b."last", b."n", b."docs", b."pos" FROM "q" JOIN "SearchBlock" b
           ON b."term" = "q"."term" AND b."last" = COALESCE(
             (SELECT MIN("last") FROM "SearchBlock" WHERE "term" = "q"."term" AND "last" >= "q"."id"),
             (SELECT MAX("last") FROM "SearchBlock" WHERE "term" = "q"."term"))`,
        [JSON.stringify(batch.map((p) => [p.key, p.id]))],
      );
      for (const row of rows) out.set(`${row.last}:${row.key}`, row);
    }
    return [...out.values()];
  },

  async deleteBlocks(sql, blocks) {
    for (const batch of chunked(blocks, 400)) {
      await sql.run(
        `DELETE FROM "SearchBlock" WHERE ("term", "last") IN (SELECT "value" ->> 0, "value" ->> 1 FROM json_each(?))`,
        [JSON.stringify(batch.map((b) => [b.key, b.last]))],
      );
    }
  },

  async insertBlocks(sql, blocks) {
    // A rebuild writes millions of rows: one statement text for every full batch (prepared once,
    // hashed once), its parameters in one array (a new one each: writeBatch keeps them until commit).
    for (let start = 0; start < blocks.length; start += BLOCKS_PER_INSERT) {
      const n = Math.min(BLOCKS_PER_INSERT, blocks.length - start);
      const params = new Array<unknown>(5 * n);
      for (let i = 0; i < n; i++) {
        const b = blocks[start + i]!;
        params[5 * i] = b.key;
        params[5 * i + 1] = b.last;
        params[5 * i + 2] = b.n;
        params[5 * i + 3] = b.docs;
        params[5 * i + 4] = b.pos;
      }
      await sql.run(n === BLOCKS_PER_INSERT ? INSERT_BLOCKS : insertBlocksText(n), params);
    }
  },

  async bulkCache(sql, on) {
    await sql.run(`PRAGMA cache_size = ${on ? BULK_CACHE_KB : DEFAULT_CACHE_KB}`);
  },

  async places(sql) {
    const rows = await sql.all<Omit<PlaceRow, "workAt" | "liveAt" | "same"> & { w: At; l: At; same: number | null }>(
      `SELECT c."releaseId", c."locale", c."updatedAt" AS "w", p."publishedAt" AS "l",
         p."title" = c."title" AND p."summary" = c."summary" AND p."bodyText" = c."bodyText" AS "same"
       FROM "ReleaseContent" c LEFT JOIN "Publication" p ON p."releaseId" = c."releaseId" AND p."locale" = c."locale"
       UNION ALL
       SELECT p."releaseId", p."locale", NULL, p."publishedAt", 0 FROM "Publication" p
       WHERE NOT EXISTS (SELECT 1 FROM "ReleaseContent" c WHERE c."releaseId" = p."releaseId" AND c."locale" = p."locale")`,
    );
    return rows.map(({ w, l, same, ...r }) => ({ ...r, workAt: ms(w), liveAt: ms(l), same: same === 1 }));
  },

  async texts(sql, kind, locale, releaseIds) {
    const table = kind === "work" ? "ReleaseContent" : "Publication";
    const out: TextRow[] = [];
    for (const batch of chunked(releaseIds)) {
      out.push(
        ...(await sql.all<TextRow>(
          `SELECT "releaseId", "title", "summary", "bodyText" FROM "${table}" WHERE "locale" = ? AND "releaseId" IN (${marks(batch.length)})`,
          [locale, ...batch],
        )),
      );
    }
    return out;
  },

  async hitRows(sql, kind, docs) {
    if (docs.length === 0) return [];
    const [table, at] = kind === "work" ? ["ReleaseContent", "updatedAt"] : ["Publication", "publishedAt"];
    const rows = await sql.all<Omit<HitRow, "at"> & { at: string | number }>(
      `SELECT c."releaseId", c."locale", c."title", c."summary", c."bodyText", c."slug", c."${at}" AS "at", r."status"
       FROM "${table}" c JOIN "Release" r ON r."id" = c."releaseId"
       WHERE (c."releaseId", c."locale") IN (VALUES ${docs.map(() => "(?, ?)").join(", ")})`,
      docs.flatMap((d) => [d.releaseId, d.locale]),
    );
    return rows.map((r) => ({ ...r, at: typeof r.at === "number" ? r.at : Date.parse(r.at) }));
  },

  async clear(sql) {
    await sql.run(`DELETE FROM "SearchPending"`);
    // The rebuild writes the blocks unindexed and sorts them into the key index once at the end
    // (finish): faster than keeping the index through millions of inserts all over the key range.
    await sql.run(`DROP INDEX "SearchBlock_term_last_key"`);
    await sql.run(`DELETE FROM "SearchBlock"`);
    await sql.run(`DELETE FROM "SearchDocument"`);
  },

  async finish(sql) {
    await sql.run(BLOCK_KEY_INDEX);
    await sql.run(`ANALYZE "SearchDocument"`);
    await sql.run(`ANALYZE "SearchBlock"`);
  },

  async size(sql) {
    const rows = await sql.all<{ bytes: number | bigint | null }>(
      `SELECT SUM("pgsize") AS "bytes" FROM "dbstat" WHERE "name" IN ('SearchDocument', 'SearchBlock', 'SearchPending') OR "name" LIKE 'sqlite_autoindex_Search%' OR "name" LIKE 'Search%_idx' OR "name" LIKE 'Search%_key'`,
    );
    return Number(rows[0]?.bytes ?? 0);
  },
};
