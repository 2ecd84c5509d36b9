// Upkeep of the search index on a real database (SQLite, or PostgreSQL with TEST_DATABASE_URL):
// changes pending and merged in batches, removals whose old text is unknown, ids never reused
// while postings may remain. Releases are made through the lifecycle functions.
import { readFileSync } from "node:fs";
import pg from "pg";
import { beforeAll, expect, test } from "vitest";
import { textToDoc } from "../../../src/domain/release/content";
import { createRelease, runWorkflow, saveContent } from "../../../src/server/releases/lifecycle";
import type { Actor } from "../../../src/server/releases/transaction";
import {
  mergeSearchBatch,
  mergeSearchIndex,
  reindexSearch,
  searchMergeSettled,
  searchPublished,
  searchWorking,
  syncSearchIndex,
} from "../../../src/server/search";
import { postgresStore } from "../../../src/server/search/postgres";
import { engine, resetDb, testDb } from "../../support/db";

const db = testDb();
let editor: Actor;
const at = new Date(Date.UTC(2025, 5, 1));

const input = (title: string, body: string, slug: string) => ({
  title,
  summary: "摘要",
  slug,
  body: JSON.stringify(textToDoc(body)),
});
const unwrap = <T>(r: { ok: true; value: T } | { ok: false; code: string }): T => {
  if (!r.ok) throw new Error(r.code);
  return r.value;
};
const pending = () =>
  db.$queryRawUnsafe<{ op: string; lists: string | null }[]>(
    `SELECT "op", "lists" FROM "SearchPending" ORDER BY "seq"`,
  );
const titles = async (q: string) =>
  (await searchWorking(db, q, { locale: "zh", pageSize: 50 })).items.map((h) => h.title.map((s) => s.text).join(""));

beforeAll(async () => {
  process.env.SEARCH_BACKGROUND_MERGE = "0";
  await resetDb();
  const user = await db.user.create({
    data: { email: "e@i.test", displayName: "e", role: "EDITOR", passwordHash: "x" },
  });
  editor = { id: user.id, role: "EDITOR" };
});

test("merging in small batches, at any point, changes no result", async () => {
  for (let i = 0; i < 12; i++) {
    const r = unwrap(
      await createRelease(db, editor, input(`第${i}号公告`, `公告正文${i}，专利审查。`, `n${i}`), {
        categoryId: null,
        releaseDate: null,
      }),
    );
    if (i % 2 === 0) {
      const v = unwrap(
        await saveContent(db, editor, r.id, "zh", input(`第${i}号公告（改）`, "改过的正文。", `n${i}`), r.version),
      );
      expect(v.version).toBe(r.version + 1);
    }
  }
  const queries = ["公告", "专利", "改", "正文", "号公告"];
  const results = () => Promise.all(queries.map((q) => searchWorking(db, q, { locale: "zh", pageSize: 50 })));
  const before = await results();
  expect(before[2]!.total).toBe(6);
  // 12 additions, and per edited release one removal and one addition
  const ops = (await pending()).map((r) => r.op);
  expect([ops.filter((op) => op === "add").length, ops.filter((op) => op === "remove").length]).toEqual([18, 6]);
  for (;;) {
    const n = await mergeSearchBatch(db, 5);
    expect(await results()).toEqual(before);
    if (n === 0) break;
  }
  expect(await pending()).toEqual([]);
});

test("a removal whose old text is unknown leaves a dead id: never found, never reused, gone after a reindex", async () => {
  const r = unwrap(
    await createRelease(db, editor, input("外部修改前", "旧的正文。", "ext"), { categoryId: null, releaseDate: null }),
  );
  await mergeSearchIndex(db);
  // Changed behind the app's back, then synced without the old text.
  await db.releaseContent.updateMany({
    where: { releaseId: r.id },
    data: { title: "外部修改后", bodyText: "新的正文。" },
  });
  await db.$transaction((tx) => syncSearchIndex(tx, r.id));
  await mergeSearchIndex(db);
  expect(await pending()).toEqual([{ op: "remove", lists: null }]);
  expect(await titles("旧的")).toEqual([]);
  expect(await titles("外部修改")).toEqual(["外部修改后"]);
  // The dead id's postings are still in the blocks: a reindex drops them and the dead row.
  await reindexSearch(db);
  expect(await pending()).toEqual([]);
  expect(await titles("旧的")).toEqual([]);
  expect(await titles("外部修改")).toEqual(["外部修改后"]);
});

test("republishing within the same minute: a new id, the old postings removed", async () => {
  const r = unwrap(
    await createRelease(db, editor, input("同分钟再发布", "第一版。", "again"), {
      categoryId: null,
      releaseDate: null,
    }),
  );
  const en = { title: "Again", summary: "s", slug: "again", body: JSON.stringify(textToDoc("First.")) };
  let v = unwrap(await saveContent(db, editor, r.id, "en", en, r.version)).version;
  v = unwrap(await runWorkflow(db, editor, r.id, { type: "markTranslated" }, v)).version;
  v = unwrap(await runWorkflow(db, editor, r.id, { type: "publish", at }, v)).version;
  const first = await db.$queryRawUnsafe<{ id: number }[]>(
    `SELECT "id" FROM "SearchDocument" WHERE "role" IN ('live', 'shared') AND "locale" = 'en'`,
  );
  // Edit the translation, then publish again at the very same time: same minute, same preferred slot.
  v = unwrap(
    await saveContent(db, editor, r.id, "en", { ...en, body: JSON.stringify(textToDoc("Second.")) }, v),
  ).version;
  unwrap(await runWorkflow(db, editor, r.id, { type: "publish", at }, v));
  const second = await db.$queryRawUnsafe<{ id: number }[]>(
    `SELECT "id" FROM "SearchDocument" WHERE "role" IN ('live', 'shared') AND "locale" = 'en'`,
  );
  expect([first.length, second.length]).toEqual([1, 1]);
  expect(Number(second[0]!.id)).not.toBe(Number(first[0]!.id));
  for (const state of ["pending", "merged"]) {
    if (state === "merged") await mergeSearchIndex(db);
    const live = (q: string) => searchPublished(db, q, { locale: "en" }).then((x) => x.total);
    expect([state, await live("first"), await live("second")]).toEqual([state, 0, 1]);
  }
});

test("merges running in the background while the app writes on the same thread never block it", async () => {
  // Regression: on SQLite a merge held its write transaction across awaits; a Prisma write in
  // between waited (synchronously, the whole thread) for the lock the merge could then never
  // release, until "Operation has timed out". Saves and background merges now interleave freely.
  process.env.SEARCH_BACKGROUND_MERGE = "1";
  try {
    for (let i = 0; i < 6; i++) {
      unwrap(
        await createRelease(db, editor, input(`并发合并${i}`, `并发写入正文${i}。`, `merge-race-${i}`), {
          categoryId: null,
          releaseDate: null,
        }),
      );
      // a write of its own (an implicit transaction) while the merge the save scheduled runs
      await db.category.create({ data: { slug: `merge-race-${i}`, nameZh: `类${i}`, nameEn: `c${i}` } });
    }
    await searchMergeSettled(db);
  } finally {
    process.env.SEARCH_BACKGROUND_MERGE = "0";
  }
  expect(await pending()).toEqual([]);
  expect((await titles("并发合并")).length).toBe(6);
});

test.runIf(engine() === "postgresql")(
  "the database dropping the index's idle connections (a restart, a failover) does not end the process",
  async () => {
    // Regression: the search index's own pool had no 'error' listener, so an idle connection the
    // server terminated was an uncaught exception (vitest reports it and fails this file).
    expect((await titles("并发合并")).length).toBe(6); // the pool has connections, now idle
    const { count } = (
      await db.$queryRawUnsafe<{ count: bigint | number }[]>(
        `SELECT count(pg_terminate_backend("pid")) AS "count" FROM pg_stat_activity
         WHERE "datname" = current_database() AND "pid" <> pg_backend_pid() AND "state" = 'idle'`,
      )
    )[0]!;
    expect(Number(count)).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 200)); // the terminations reach the clients
    expect((await titles("并发合并")).length).toBe(6); // fresh connections answer
  },
);

test("a rebuild writes the same blocks with its worker thread as on one thread", async () => {
  for (const [i, body] of [
    "国家知识产权局发布专利统计。",
    "Patent offices held a video conference.",
    "第二篇正文。",
  ].entries()) {
    unwrap(
      await createRelease(db, editor, input(`重建${i}`, body, `rebuild-${i}`), { categoryId: null, releaseDate: null }),
    );
  }
  const blocks = () =>
    db.$queryRawUnsafe<unknown[]>(
      `SELECT "term", "last", "n", "docs", "pos" FROM "SearchBlock" ORDER BY "term", "last"`,
    );
  expect((await reindexSearch(db)).threads).toBe(2);
  const withWorker = await blocks();
  process.env.SEARCH_REINDEX_WORKER = "0";
  try {
    expect((await reindexSearch(db)).threads).toBe(1);
  } finally {
    delete process.env.SEARCH_REINDEX_WORKER;
  }
  expect(withWorker.length).toBeGreaterThan(100);
  expect(await blocks()).toEqual(withWorker);
  // The rebuild drops the blocks' key index and builds it again at the end: as the migration has it.
  const key =
    engine() === "postgresql"
      ? `SELECT i.indexdef AS "def" FROM pg_indexes i JOIN pg_constraint c ON c.conname = i.indexname
         WHERE i.indexname = 'SearchBlock_pkey' AND c.contype = 'p'`
      : `SELECT sql AS "def" FROM sqlite_master WHERE name = 'SearchBlock_term_last_key'`;
  expect(await db.$queryRawUnsafe<{ def: string }[]>(key)).toEqual([
    {
      def:
        engine() === "postgresql"
          ? `CREATE UNIQUE INDEX "SearchBlock_pkey" ON public."SearchBlock" USING btree (term, last)`
          : `CREATE UNIQUE INDEX "SearchBlock_term_last_key" ON "SearchBlock"("term", "last")`,
    },
  ]);
});

/** The search tables' definitions on PostgreSQL: columns, constraints, indexes (schema names left out). */
async function searchTablesShape(client: pg.ClientBase, schema: string) {
  const { rows } = await client.query<{ item: string }>(
    `SELECT c.relname || ' column ' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod) || ' '
              || a.attcollation::regcollation::text || ' ' || a.attnotnull::text || ' ' || a.attstorage::text AS "item"
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relname LIKE 'Search%' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
     UNION ALL
     SELECT c.relname || ' constraint ' || k.conname || ' ' || pg_get_constraintdef(k.oid)
       FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relname LIKE 'Search%'
     UNION ALL
     SELECT tablename || ' index ' || replace(indexdef, ' ON ' || quote_ident(schemaname) || '.', ' ON ')
       FROM pg_indexes WHERE schemaname = $1 AND tablename LIKE 'Search%'
     ORDER BY 1`,
    [schema],
  );
  return rows.map((r) => r.item);
}

test.runIf(engine() === "postgresql")(
  "a rebuild on PostgreSQL leaves the search tables as the migration made them, with the grants they had",
  async () => {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      // A reporting account that may read the index (roles belong to the cluster: made once).
      await client.query(
        `DO $$ BEGIN CREATE ROLE "Newsroom Reporting"; EXCEPTION WHEN duplicate_object THEN NULL; END $$`,
      );
      await client.query(`GRANT SELECT ON "SearchBlock" TO "Newsroom Reporting" WITH GRANT OPTION`);
      await client.query(`GRANT SELECT ON "SearchDocument" TO PUBLIC`);
      await reindexSearch(db);
      const { rows: grants } = await client.query<{ reporting: boolean; grantable: boolean; everyone: boolean }>(
        `SELECT has_table_privilege('Newsroom Reporting', '"SearchBlock"', 'SELECT') AS "reporting",
                has_table_privilege('Newsroom Reporting', '"SearchBlock"', 'SELECT WITH GRANT OPTION') AS "grantable",
                has_table_privilege('public', '"SearchDocument"', 'SELECT') AS "everyone"`,
      );
      expect(grants).toEqual([{ reporting: true, grantable: true, everyone: true }]);
      await client.query(`REVOKE ALL ON "SearchBlock" FROM "Newsroom Reporting"`);
      await client.query(`REVOKE ALL ON "SearchDocument" FROM PUBLIC`);
      const live = await searchTablesShape(client, "public");
      // The reference: the migration that made the tables, run in a scratch schema and undone.
      const migration = readFileSync("prisma/postgres/migrations/20261203040000_search_postings/migration.sql", "utf8");
      await client.query("BEGIN");
      await client.query(`CREATE SCHEMA "shape_reference"; SET LOCAL search_path TO "shape_reference", public`);
      await client.query(migration.replace(/^DROP TABLE "SearchDocument";$/m, ""));
      const reference = await searchTablesShape(client, "shape_reference");
      await client.query("ROLLBACK");
      expect(reference.length).toBeGreaterThan(15);
      expect(live).toEqual(reference);
    } finally {
      await client.end();
    }
  },
);

test.runIf(engine() === "postgresql")(
  "searches go on with the live index while PostgreSQL rebuilds it, and see the new one after",
  async () => {
    unwrap(
      await createRelease(db, editor, input("重建期间照常检索", "正文。", "search-during-rebuild"), {
        categoryId: null,
        releaseDate: null,
      }),
    );
    await reindexSearch(db);
    expect(await titles("照常检索")).toEqual(["重建期间照常检索"]);
    // A rebuild between its start (clear) and its end (finish), on a connection of its own.
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    const sql = {
      all: async <T>(text: string, params: unknown[] = []) => (await client.query(text, params)).rows as T[],
      run: async (text: string, params: unknown[] = []) => void (await client.query(text, params)),
      runChanging: () => Promise.reject(new Error("not used")),
    };
    const within = <T>(p: Promise<T>) =>
      Promise.race([
        p,
        new Promise<never>((_, fail) => setTimeout(() => fail(new Error("the search waited for the rebuild")), 5_000)),
      ]);
    try {
      await client.query("BEGIN");
      await postgresStore.clear(sql);
      expect(await within(titles("照常检索"))).toEqual(["重建期间照常检索"]); // the live index
      await postgresStore.finish(sql); // nothing was written: the new index is empty
      await client.query("COMMIT");
      expect(await titles("照常检索")).toEqual([]);
    } finally {
      await client.query("ROLLBACK").catch(() => undefined);
      await client.end();
    }
    await reindexSearch(db);
    expect(await titles("照常检索")).toEqual(["重建期间照常检索"]);
  },
);
