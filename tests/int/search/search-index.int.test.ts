// Upkeep of the search index on a real database (SQLite, or PostgreSQL with TEST_DATABASE_URL):
// changes pending and merged in batches, removals whose old text is unknown, ids never reused
// while postings may remain. Releases are made through the lifecycle functions.
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
