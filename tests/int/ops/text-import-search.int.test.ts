import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeEach, expect, test } from "vitest";
import { importTextArchive } from "../../../src/server/ops/text-import";
import { searchPublished, searchWorking } from "../../../src/server/search";
import { resetDb, testDb } from "../../support/db";

// The import leaves its batches' search changes pending and brings the index up to date once at
// the end: a rebuild when many changes are pending, else a merge; nothing is left pending.

const db = testDb();
const root = mkdtempSync(path.join(tmpdir(), "newsroom-text-search-"));
let admin: { id: string; role: "ADMIN" };

function archive(name: string, files: Record<string, string>): string {
  const dir = path.join(root, name);
  mkdirSync(dir, { recursive: true });
  for (const [file, content] of Object.entries(files)) writeFileSync(path.join(dir, file), content);
  return dir;
}

const count = async (table: string) =>
  Number((await db.$queryRawUnsafe<{ n: number | bigint }[]>(`SELECT COUNT(*) AS "n" FROM "${table}"`))[0]!.n);

beforeEach(async () => {
  await resetDb();
  const user = await db.user.create({
    data: { email: "chief@agency.gov", displayName: "Chief", role: "ADMIN", passwordHash: "-" },
  });
  admin = { id: user.id, role: "ADMIN" };
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

test("a new archive is indexed by one rebuild at the end; a re-run finds the index current", async () => {
  const dir = archive("rebuild", {
    "solar-grid.zh.txt": "光伏并网新规发布\n\n国家能源局发布光伏并网新规。",
    "solar-grid.en.txt": "New grid rules for solar\n\nThe energy administration issued grid rules for solar power.",
    "rail-plan.zh.txt": "铁路规划获批\n\n新的铁路规划获得批准。",
  });
  const report = await importTextArchive(db, dir, { actor: admin, publish: true, date: new Date("2024-05-01") });
  expect(report).toMatchObject({ imported: 2, search: "rebuilt" });
  expect(await count("SearchPending")).toBe(0);
  // solar-grid: one document per language (working copy and live snapshot alike); rail-plan: its draft.
  expect(await count("SearchDocument")).toBe(3);
  expect((await searchPublished(db, "grid rules")).total).toBe(1);
  expect((await searchWorking(db, "铁路规划")).total).toBe(1);

  const again = await importTextArchive(db, dir, { actor: admin, publish: true, date: new Date("2024-05-01") });
  expect(again).toMatchObject({ imported: 0, unchanged: 2, search: "current" });
});

test("a few releases added to a large archive are merged into the index, not rebuilt", async () => {
  const many: Record<string, string> = {};
  for (let i = 0; i < 45; i++) many[`old-${i}.zh.txt`] = `旧稿件第${i}号\n\n第${i}篇旧稿件的正文。`;
  expect(await importTextArchive(db, archive("many", many), { actor: admin })).toMatchObject({ search: "rebuilt" });

  const one = archive("one", { "harbour-plan.zh.txt": "港口扩建计划公布\n\n港口扩建计划今日公布。" });
  const report = await importTextArchive(db, one, { actor: admin });
  expect(report).toMatchObject({ imported: 1, search: "merged" });
  expect(await count("SearchPending")).toBe(0);
  expect(await count("SearchDocument")).toBe(46);
  expect((await searchWorking(db, "港口扩建")).total).toBe(1);
});
