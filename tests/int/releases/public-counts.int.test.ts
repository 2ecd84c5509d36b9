import { beforeEach, expect, test } from "vitest";
import { textToDoc } from "../../../src/domain/release/content";
import { createRelease, runWorkflow, saveContent, saveMeta } from "../../../src/server/releases/lifecycle";
import { ensurePublicCounts, rebuildPublicCounts } from "../../../src/server/releases/public-counts";
import type { Actor } from "../../../src/server/releases/transaction";
import { resetDb, testDb } from "../../support/db";

// The per-period counts the public site reads (PublicationCount) are kept by publish, republish
// and withdraw in their transaction. After any sequence of those they must equal a recount from
// the publications, and a start in another time zone must notice and recount.

const db = testDb();
let editor: Actor;
let categories: string[];
const TZ = "Asia/Shanghai";

/** The stored counts as "locale scope period count", scope "*" or the category's slug. */
async function stored(timeZone = TZ) {
  const slugs = new Map((await db.category.findMany()).map((c) => [c.id, c.slug]));
  return (await db.publicationCount.findMany({ where: { timeZone, count: { not: 0 } } }))
    .map((r) => `${r.locale} ${r.scope ? slugs.get(r.scope) : "*"} ${r.period} ${r.count}`)
    .sort();
}

beforeEach(async () => {
  await resetDb();
  const u = await db.user.create({ data: { email: "c@test", displayName: "C", role: "EDITOR", passwordHash: "-" } });
  editor = { id: u.id, role: "EDITOR" };
  categories = [];
  for (const slug of ["a", "b"])
    categories.push((await db.category.create({ data: { slug, nameZh: slug, nameEn: slug } })).id);
});

async function translated(slug: string, categoryId: string | null, en = true) {
  const body = JSON.stringify(textToDoc("正文。"));
  const meta = { categoryId, releaseDate: null };
  const created = await createRelease(db, editor, { title: slug, summary: "", slug, body }, meta);
  if (!created.ok) throw new Error(created.code);
  let version = created.value.version;
  if (en) {
    const saved = await saveContent(
      db,
      editor,
      created.value.id,
      "en",
      { title: slug, summary: "s", slug, body },
      version,
    );
    if (!saved.ok) throw new Error(saved.code);
    const marked = await runWorkflow(db, editor, created.value.id, { type: "markTranslated" }, saved.value.version);
    if (!marked.ok) throw new Error(marked.code);
    version = marked.value.version;
  }
  return { id: created.value.id, version };
}

async function run(id: string, command: Parameters<typeof runWorkflow>[3], version: number) {
  const r = await runWorkflow(db, editor, id, command, version);
  if (!r.ok) throw new Error(r.code);
  return r.value.version;
}

test("publish, republish to another month and category, withdraw: the counts equal a recount", async () => {
  const a = await translated("count-a", categories[0]!);
  const b = await translated("count-b", null);
  const va = await run(a.id, { type: "publish", at: new Date("2020-03-31T17:00:00Z") }, a.version); // April in Shanghai
  const vb = await run(b.id, { type: "publish", at: new Date(Date.now() + 86_400_000) }, b.version); // embargoed
  expect(await stored()).toContain("zh a M2020-04 1");
  const moved = await saveMeta(db, editor, a.id, { categoryId: categories[1]!, releaseDate: null }, va);
  if (!moved.ok) throw new Error(moved.code);
  await run(a.id, { type: "publish", at: new Date("2019-12-31T15:00:00Z") }, moved.value.version); // Dec 2019
  const afterRepublish = await stored();
  expect(afterRepublish).toContain("en b M2019-12 1");
  expect(afterRepublish.some((r) => r.includes("2020-04"))).toBe(false);
  await run(b.id, { type: "withdraw" }, vb);
  const kept = await stored();
  await rebuildPublicCounts(db, TZ);
  expect(await stored()).toEqual(kept);
  expect(kept).toEqual([
    "en * M2019-12 1",
    "en * T 1",
    "en * Y2019 1",
    "en b M2019-12 1",
    "en b T 1",
    "en b Y2019 1",
    "zh * M2019-12 1",
    "zh * T 1",
    "zh * Y2019 1",
    "zh b M2019-12 1",
    "zh b T 1",
    "zh b Y2019 1",
  ]);
  expect(await ensurePublicCounts(db, TZ)).toBe(false); // consistent: nothing to do
});

test("a start in another time zone, or after rows written behind the app's back, recounts", async () => {
  const a = await translated("tz-a", null, false);
  expect(a.version).toBe(1);
  const b = await translated("tz-b", null);
  await run(b.id, { type: "publish", at: new Date("2020-03-31T17:00:00Z") }, b.version);
  expect(await stored()).toContain("zh * M2020-04 1");
  expect(await ensurePublicCounts(db, "UTC")).toBe(true);
  expect(await stored("UTC")).toContain("zh * M2020-03 1");
  expect(await stored(TZ)).toEqual([]);
  await db.publication.deleteMany({ where: { locale: "en" } }); // e.g. an SQL fix by hand
  expect(await ensurePublicCounts(db, "UTC")).toBe(true);
  expect((await stored("UTC")).filter((r) => r.startsWith("en"))).toEqual([]);
});
