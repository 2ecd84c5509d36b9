import { beforeEach, expect, test } from "vitest";
import { textToDoc } from "../../../src/domain/release/content";
import { writeNewReleases } from "../../../src/server/ops/text-import-batch";
import { createRelease, runWorkflow, saveContent } from "../../../src/server/releases/lifecycle";
import type { Actor } from "../../../src/server/releases/transaction";
import { searchPublished, searchWorking } from "../../../src/server/search";
import { engine, resetDb, testDb } from "../../support/db";

// The text import writes new releases in batches (one statement per table) instead of calling
// create → translate → mark translated → publish for each. Here both paths make the same release
// from the same texts; apart from ids, times and the slug they must leave identical rows, search
// documents and public counts: the batch path is the operations, only faster.

const db = testDb();
let admin: Actor;
const AT = new Date("2021-06-01T02:00:00Z");
const input = (lang: "zh" | "en", slug: string) => ({
  title: lang === "zh" ? "规模导入对照稿" : "Import equivalence release",
  summary: lang === "zh" ? "摘要一句。" : "One sentence.",
  slug,
  body: JSON.stringify(textToDoc(lang === "zh" ? "第一段正文。\n\n第二段正文。" : "First paragraph.\n\nSecond one.")),
});

beforeEach(async () => {
  await resetDb();
  const u = await db.user.create({ data: { email: "rows@test", displayName: "R", role: "ADMIN", passwordHash: "-" } });
  admin = { id: u.id, role: "ADMIN" };
});

async function throughOperations(slug: string, publish: boolean, en: boolean) {
  const created = await createRelease(db, admin, input("zh", slug), {
    categoryId: null,
    releaseDate: publish ? AT : null,
  });
  if (!created.ok) throw new Error(created.code);
  let version = created.value.version;
  if (en) {
    const saved = await saveContent(db, admin, created.value.id, "en", input("en", slug), version);
    if (!saved.ok) throw new Error(saved.code);
    version = saved.value.version;
  }
  if (publish) {
    for (const command of [{ type: "markTranslated" as const }, { type: "publish" as const, at: AT }]) {
      const moved = await runWorkflow(db, admin, created.value.id, command, version);
      if (!moved.ok) throw new Error(moved.code);
      version = moved.value.version;
    }
  }
  return created.value.id;
}

/** Everything stored about a release, with ids, times and the slug taken out. */
async function snapshot(releaseId: string) {
  const strip = <T extends Record<string, unknown>>(rows: T[]) =>
    rows
      .map(({ id: _i, releaseId: _r, createdAt: _c, updatedAt: _u, slug: _s, sourceRevisionId, ...rest }) => ({
        ...rest,
        sourceRevision: sourceRevisionId ? "set" : null,
      }))
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  const where = { releaseId };
  const release = await db.release.findUniqueOrThrow({ where: { id: releaseId } });
  const { id: _i, createdAt: _c, updatedAt: _u, ...releaseRest } = release;
  return {
    release: releaseRest,
    contents: strip(await db.releaseContent.findMany({ where })),
    revisions: strip(await db.revision.findMany({ where })),
    publications: strip(await db.publication.findMany({ where })),
    audits: strip(await db.auditEvent.findMany({ where, orderBy: { createdAt: "asc" } })),
    search: await db.$queryRawUnsafe<{ role: string; locale: string }[]>(
      `SELECT "role", "locale" FROM "SearchDocument" WHERE "releaseId" = ${engine() === "postgresql" ? "$1" : "?"} ORDER BY 1, 2`,
      releaseId,
    ),
  };
}

test.each([
  ["published in both languages", true, true],
  ["a draft in both languages", false, true],
  ["a Chinese-only draft", false, false],
])("%s: the batch writes what the operations write", async (_name, publish, en) => {
  const viaOperations = await throughOperations("via-operations", publish, en);
  const written = await writeNewReleases(db, [
    {
      actor: admin,
      zh: input("zh", "via-batch"),
      en: en ? input("en", "via-batch") : undefined,
      publishAt: publish ? AT : undefined,
      releaseDate: publish ? AT : null,
    },
  ]);
  expect(written.ok).toBe(true);
  const viaBatch = (await db.releaseContent.findFirstOrThrow({ where: { slug: "via-batch", locale: "zh" } })).releaseId;
  expect(await snapshot(viaBatch)).toEqual(await snapshot(viaOperations));
  // Both found by search, counted alike on the public side.
  expect((await searchWorking(db, "规模导入对照稿")).total).toBe(2);
  if (publish) expect((await searchPublished(db, "equivalence")).total).toBe(2);
  const counts = await db.publicationCount.findMany({ where: { scope: "", period: "T" } });
  expect(counts.map((c) => c.count)).toEqual(publish ? (en ? [2, 2] : [2]) : []);
});

test("a workflow refusal fails the whole batch and writes nothing", async () => {
  const translator = { id: admin.id, role: "TRANSLATOR" as const }; // may not create or publish
  const written = await writeNewReleases(db, [
    { actor: admin, zh: input("zh", "ok-one"), releaseDate: null },
    { actor: translator, zh: input("zh", "refused"), en: input("en", "refused"), publishAt: AT, releaseDate: AT },
  ]);
  expect(written).toEqual({ ok: false, code: "forbidden" });
  expect(await db.release.count()).toBe(0);
});
