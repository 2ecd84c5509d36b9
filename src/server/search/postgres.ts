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

// PostgreSQL: the same tables as SQLite ("SearchBlock" keyed by list key and last id), lists of
// values passed as arrays (unnest), bigints read as float8 (ids stay below 2^53). Block writers
// take a transaction-scoped advisory lock, so two merges never rewrite the same block at once.

const LOCK_KEY = 0x5ea4c4; // "search" in the application's advisory lock space
const DOC = `"id"::float8 AS "id", "role", "releaseId", "locale", "sortAt"::float8 AS "sortAt", "sourceHash" AS "hash"`;
const PENDING = `"seq"::float8 AS "seq", "id"::float8 AS "id", "scope", "op", "lists"`;
const BLOCK = `b."term" AS "key", b."last"::float8 AS "last", b."n", b."docs", b."pos"`;

/** Byte strings as one buffer, with where each starts (from 1, as SQL's substring counts) and its length. */
function packed(parts: Uint8Array[]) {
  const bytes = Buffer.allocUnsafe(parts.reduce((sum, p) => sum + p.length, 0));
  const from: number[] = [];
  const lengths: number[] = [];
  let at = 0;
  for (const p of parts) {
    bytes.set(p, at);
    from.push(at + 1);
    lengths.push(p.length);
    at += p.length;
  }
  return { bytes, from, lengths };
}

/** Where a full rebuild builds its tables until they replace the live ones (clear, finish). */
const REBUILD = "newsroom_search_rebuild";
const REBUILD_SCHEMA = `"${REBUILD}"`;

/**
 * The rebuilt tables, as the migrations define them (prisma/postgres/migrations, "search_postings"),
 * the blocks' key left out until finish (a test compares them with the migration's: search-index.int.test.ts).
 */
const NEW_TABLES = [
  `CREATE TABLE "SearchDocument" (
    "id" BIGINT NOT NULL,
    "role" TEXT NOT NULL,
    "releaseId" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "sortAt" BIGINT NOT NULL,
    "sourceHash" TEXT NOT NULL,
    CONSTRAINT "SearchDocument_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "SearchDocument_releaseId_fkey" FOREIGN KEY ("releaseId") REFERENCES "Release" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
  )`,
  `CREATE UNIQUE INDEX "SearchDocument_releaseId_role_locale_key" ON "SearchDocument"("releaseId", "role", "locale")`,
  `CREATE TABLE "SearchBlock" (
    "term" TEXT COLLATE "C" NOT NULL,
    "last" BIGINT NOT NULL,
    "n" INTEGER NOT NULL,
    "docs" BYTEA NOT NULL,
    "pos" BYTEA NOT NULL
  )`,
  `ALTER TABLE "SearchBlock" ALTER COLUMN "docs" SET STORAGE EXTERNAL, ALTER COLUMN "pos" SET STORAGE EXTERNAL`,
];

/** Parameter `$n`, numbers joined by commas, as an array of `type`. */
const numbers = (n: number, type = "int") => `string_to_array($${n}, ',')::${type}[]`;

/**
 * The blocks' keys joined by U+0001, which no key holds: a key is a field letter and a token,
 * and tokens are made of letters, digits, marks, CJK and (in pairs) one space (text.ts).
 */
export function joinedKeys(blocks: readonly { key: string }[]): string {
  const joined = blocks.map((b) => b.key).join("\u0001");
  // Cheap insurance against a tokenizer change: a key with U+0001 would shift every column.
  let separators = 0;
  for (let i = joined.indexOf("\u0001"); i >= 0; i = joined.indexOf("\u0001", i + 1)) separators++;
  if (separators !== Math.max(0, blocks.length - 1)) throw new Error("search index: a list key holds U+0001");
  return joined;
}

export const postgresStore: SearchStore = {
  async lock(sql) {
    await sql.run(`SELECT pg_advisory_xact_lock(${LOCK_KEY})`);
  },

  async lockIds(sql) {
    await sql.run(`SELECT pg_advisory_xact_lock(${LOCK_KEY + 1})`);
  },

  async documentsOf(sql, releaseIds) {
    if (releaseIds.length === 0) return [];
    return sql.all<DocumentRow>(`SELECT ${DOC} FROM "SearchDocument" WHERE "releaseId" = ANY($1::text[])`, [
      releaseIds,
    ]);
  },

  async documentsById(sql, ids) {
    if (ids.length === 0) return [];
    return sql.all<DocumentRow>(`SELECT ${DOC} FROM "SearchDocument" WHERE "id" = ANY($1::float8[]::bigint[])`, [ids]);
  },

  async allDocuments(sql) {
    return sql.all<DocumentRow>(`SELECT ${DOC} FROM "SearchDocument"`);
  },

  async takenIds(sql, ids) {
    if (ids.length === 0) return [];
    const rows = await sql.all<{ id: number }>(
      `SELECT "id"::float8 AS "id" FROM "SearchDocument" WHERE "id" = ANY($1::float8[]::bigint[])
       UNION SELECT "id"::float8 FROM "SearchPending" WHERE "op" = 'remove' AND "id" = ANY($1::float8[]::bigint[])`,
      [ids],
    );
    return rows.map((r) => r.id);
  },

  async notYetVisible(sql, from, to, at) {
    const rows = await sql.all<{ id: number }>(
      `SELECT "id"::float8 AS "id" FROM "SearchDocument" WHERE "id" >= $1::float8::bigint AND "id" < $2::float8::bigint AND "sortAt" > $3::float8::bigint`,
      [from, to, at],
    );
    return rows.map((r) => r.id);
  },

  async insertDocuments(sql, docs) {
    for (const batch of chunked(docs, 2_000)) {
      await sql.run(
        `INSERT INTO "SearchDocument" ("id", "role", "releaseId", "locale", "sortAt", "sourceHash")
         SELECT * FROM unnest($1::float8[]::bigint[], $2::text[], $3::text[], $4::text[], $5::float8[]::bigint[], $6::text[])`,
        [
          batch.map((d) => d.id),
          batch.map((d) => d.role),
          batch.map((d) => d.releaseId),
          batch.map((d) => d.locale),
          batch.map((d) => d.sortAt),
          batch.map((d) => d.hash),
        ],
      );
    }
  },

  async deleteDocuments(sql, ids) {
    if (ids.length === 0) return;
    await sql.run(`DELETE FROM "SearchDocument" WHERE "id" = ANY($1::float8[]::bigint[])`, [ids]);
  },

  async pending(sql, scopes) {
    return sql.all<PendingRow>(
      `SELECT ${PENDING} FROM "SearchPending" WHERE "scope" = ANY($1::text[]) ORDER BY "seq"`,
      [scopes],
    );
  },

  async firstPending(sql, limit) {
    return sql.all<PendingRow>(
      `SELECT ${PENDING} FROM "SearchPending" WHERE "lists" IS NOT NULL ORDER BY "seq" LIMIT $1`,
      [limit],
    );
  },

  async insertPending(sql, rows) {
    if (rows.length === 0) return;
    await sql.run(
      `INSERT INTO "SearchPending" ("id", "scope", "op", "lists")
       SELECT * FROM unnest($1::float8[]::bigint[], $2::text[], $3::text[], $4::text[])`,
      [rows.map((r) => r.id), rows.map((r) => r.scope), rows.map((r) => r.op), rows.map((r) => r.lists)],
    );
  },

  async deletePending(sql, seqs) {
    if (seqs.length === 0) return;
    // Exactly these rows, or another merge took them first (the batch is then rolled back).
    await sql.runChanging(`DELETE FROM "SearchPending" WHERE "seq" = ANY($1::float8[]::bigint[])`, [seqs], seqs.length);
  },

  async fetchBlocks(sql, requests) {
    const out: BlockRow[][] = requests.map(() => []);
    if (requests.length === 0) return out;
    // pos is only read (and detoasted) where asked for.
    const rows = await sql.all<BlockRow & { r: number }>(
      `SELECT q."r"::int AS "r", b."last"::float8 AS "last", b."docs", CASE WHEN q."p" THEN b."pos" END AS "pos"
       FROM unnest($1::text[], $2::float8[], $3::int[], $4::bool[]) WITH ORDINALITY AS q("term", "from", "lim", "p", "r")
       CROSS JOIN LATERAL (SELECT "last", "docs", "pos" FROM "SearchBlock"
         WHERE "term" = q."term" AND "last" >= q."from"::bigint ORDER BY "last" LIMIT q."lim") b`,
      [
        requests.map((r) => r.key),
        requests.map((r) => r.from),
        requests.map((r) => r.limit),
        requests.map((r) => r.positions),
      ],
    );
    for (const { r, ...row } of rows) out[r - 1]!.push(row);
    for (const list of out) list.sort((a, b) => a.last - b.last);
    return out;
  },

  async blocksAround(sql, pairs) {
    const out = new Map<string, StoredBlock>();
    for (const batch of chunked(pairs, 5_000)) {
      const rows = await sql.all<StoredBlock>(
        `SELECT ${BLOCK} FROM unnest($1::text[], $2::float8[]) AS q("term", "id")
         CROSS JOIN LATERAL (
           (SELECT * FROM "SearchBlock" WHERE "term" = q."term" AND "last" >= q."id"::bigint ORDER BY "last" LIMIT 1)
           UNION ALL
           (SELECT * FROM "SearchBlock" WHERE "term" = q."term" ORDER BY "last" DESC LIMIT 1)
           LIMIT 1) b`,
        [batch.map((p) => p.key), batch.map((p) => p.id)],
      );
      for (const row of rows) out.set(`${row.last}:${row.key}`, row);
    }
    return [...out.values()];
  },

  async deleteBlocks(sql, blocks) {
    for (const batch of chunked(blocks, 5_000)) {
      await sql.run(
        `DELETE FROM "SearchBlock" b USING unnest($1::text[], $2::float8[]) AS q("term", "last")
         WHERE b."term" = q."term" AND b."last" = q."last"::bigint`,
        [batch.map((b) => b.key), batch.map((b) => b.last)],
      );
    }
  },

  async insertBlocks(sql, blocks) {
    // The bytes go as two binary parameters, cut into rows by the server: a bytea[] parameter is
    // sent as text, hex-encoded, which cost the client more than the rest of a rebuild's writes.
    for (const batch of chunked(blocks, 2_000)) {
      const docs = packed(batch.map((b) => b.docs));
      const pos = packed(batch.map((b) => b.pos));
      // The other columns go as joined text, split by the server: the driver turns an array
      // parameter into an array literal element by element, escaping each, which cost this
      // process more than the rest of a rebuild's writes once the bytes went binary.
      await sql.run(
        `INSERT INTO "SearchBlock" ("term", "last", "n", "docs", "pos")
         SELECT q."term", q."last"::bigint, q."n", substring($4::bytea FROM q."d" FOR q."dl"), substring($5::bytea FROM q."p" FOR q."pl")
         FROM unnest(string_to_array($1, chr(1)), ${numbers(2, "float8")}, ${numbers(3)}, ${numbers(6)}, ${numbers(7)}, ${numbers(8)}, ${numbers(9)})
           AS q("term", "last", "n", "d", "dl", "p", "pl")`,
        [
          joinedKeys(batch),
          batch.map((b) => b.last).join(","),
          batch.map((b) => b.n).join(","),
          docs.bytes,
          pos.bytes,
          docs.from.join(","),
          docs.lengths.join(","),
          pos.from.join(","),
          pos.lengths.join(","),
        ],
      );
    }
  },

  async bulkCache() {},

  async places(sql) {
    const at = (column: string) => `(EXTRACT(EPOCH FROM ${column}) * 1000)::float8`;
    return sql.all<PlaceRow>(
      `SELECT c."releaseId", c."locale"::text AS "locale", ${at(`c."updatedAt"`)} AS "workAt", ${at(`p."publishedAt"`)} AS "liveAt",
         COALESCE(p."title" = c."title" AND p."summary" = c."summary" AND p."bodyText" = c."bodyText", false) AS "same"
       FROM "ReleaseContent" c LEFT JOIN "Publication" p ON p."releaseId" = c."releaseId" AND p."locale" = c."locale"
       UNION ALL
       SELECT p."releaseId", p."locale"::text, NULL, ${at(`p."publishedAt"`)}, false FROM "Publication" p
       WHERE NOT EXISTS (SELECT 1 FROM "ReleaseContent" c WHERE c."releaseId" = p."releaseId" AND c."locale" = p."locale")`,
    );
  },

  async texts(sql, kind, locale, releaseIds) {
    const table = kind === "work" ? "ReleaseContent" : "Publication";
    return sql.all<TextRow>(
      `SELECT "releaseId", "title", "summary", "bodyText" FROM "${table}" WHERE "locale"::text = $1 AND "releaseId" = ANY($2::text[])`,
      [locale, releaseIds],
    );
  },

  async hitRows(sql, kind, docs) {
    if (docs.length === 0) return [];
    const [table, at] = kind === "work" ? ["ReleaseContent", "updatedAt"] : ["Publication", "publishedAt"];
    return sql.all<HitRow>(
      `SELECT c."releaseId", c."locale"::text AS "locale", c."title", c."summary", c."bodyText", c."slug",
         (EXTRACT(EPOCH FROM c."${at}") * 1000)::float8 AS "at", r."status"::text AS "status"
       FROM "${table}" c JOIN "Release" r ON r."id" = c."releaseId"
       WHERE (c."releaseId", c."locale"::text) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
      [docs.map((d) => d.releaseId), docs.map((d) => d.locale)],
    );
  },

  async clear(sql) {
    // Searches go on reading the live index while it is rebuilt: the new tables are built under
    // the same names in a schema of their own, which this transaction finds first, and replace
    // the live ones in finish. (Writers of the index wait on the advisory lock, as before.)
    await sql.run(`CREATE SCHEMA ${REBUILD_SCHEMA}`);
    const [setting] = await sql.all<{ path: string }>(`SELECT current_setting('search_path') AS "path"`);
    await sql.run(`SET LOCAL search_path TO ${REBUILD_SCHEMA}, ${setting!.path}`);
    for (const statement of NEW_TABLES) await sql.run(statement);
  },

  async finish(sql) {
    // The blocks were written unindexed and are sorted into their key once, here: faster than
    // keeping the index through millions of inserts all over the key range.
    await sql.run(`SET LOCAL maintenance_work_mem = '256MB'`);
    await sql.run(`ALTER TABLE "SearchBlock" ADD CONSTRAINT "SearchBlock_pkey" PRIMARY KEY ("term", "last")`);
    await sql.run(`ANALYZE "SearchDocument"`);
    await sql.run(`ANALYZE "SearchBlock"`);
    // The swap: the only moment searches wait (the live tables' readers finish first).
    // The live tables: where the name resolved before this transaction put its own schema first.
    const [found] = await sql.all<{ live: string }>(
      `SELECT s."name" AS "live" FROM unnest(current_schemas(false)) WITH ORDINALITY AS s("name", "i")
         JOIN pg_namespace n ON n.nspname = s."name" JOIN pg_class c ON c.relnamespace = n.oid
        WHERE c.relname = 'SearchBlock' AND c.relkind = 'r' AND s."name" <> '${REBUILD}'
        ORDER BY s."i" LIMIT 1`,
    );
    const schema = `"${found!.live.replaceAll('"', '""')}"`;
    const tables = ["SearchPending", "SearchDocument", "SearchBlock"].map((t) => `${schema}."${t}"`).join(", ");
    await sql.run(`LOCK TABLE ${tables} IN ACCESS EXCLUSIVE MODE`);
    // Privileges given on the live tables to other roles (a reporting account) pass to the new ones.
    const grants = await sql.all<{ table: string; privilege: string; grantee: string; option: boolean }>(
      `SELECT c.relname AS "table", a.privilege_type AS "privilege", a.is_grantable AS "option",
              CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(r.rolname) END AS "grantee"
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        CROSS JOIN LATERAL aclexplode(c.relacl) a LEFT JOIN pg_roles r ON r.oid = a.grantee
        WHERE n.nspname = $1 AND c.relname IN ('SearchDocument', 'SearchBlock') AND a.grantee <> c.relowner`,
      [found!.live],
    );
    for (const g of grants) {
      await sql.run(`GRANT ${g.privilege} ON "${g.table}" TO ${g.grantee}${g.option ? " WITH GRANT OPTION" : ""}`);
    }
    // Pending changes are in the rebuilt tables already: the rebuild read the texts they came from.
    await sql.run(`TRUNCATE ${schema}."SearchPending"`);
    await sql.run(`DROP TABLE ${schema}."SearchBlock", ${schema}."SearchDocument"`);
    await sql.run(`ALTER TABLE ${REBUILD_SCHEMA}."SearchDocument" SET SCHEMA ${schema}`);
    await sql.run(`ALTER TABLE ${REBUILD_SCHEMA}."SearchBlock" SET SCHEMA ${schema}`);
    await sql.run(`DROP SCHEMA ${REBUILD_SCHEMA}`);
  },

  async size(sql) {
    const rows = await sql.all<{ bytes: number }>(
      `SELECT (pg_total_relation_size('"SearchDocument"') + pg_total_relation_size('"SearchBlock"')
        + pg_total_relation_size('"SearchPending"'))::float8 AS "bytes"`,
    );
    return Number(rows[0]?.bytes ?? 0);
  },
};
