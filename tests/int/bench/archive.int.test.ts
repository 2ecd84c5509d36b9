// The benchmark archive (scripts/bench/archive.ts) on a real database, SQLite or PostgreSQL
// (TEST_DATABASE_URL): what the loader writes is what the app reads, edits, publishes and indexes.
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { isOutdated } from "../../../src/domain/release/workflow";
import { sqlitePath } from "../../../src/server/env";
import { contentFingerprint } from "../../../src/server/releases/fingerprint";
import { createRelease, runWorkflow, saveContent } from "../../../src/server/releases/lifecycle";
import { releaseState } from "../../../src/server/releases/state";
import { reindexSearch, searchPublished } from "../../../src/server/search";
import { ARCHIVE_USERS, archiveBatches, loadArchive } from "../../../scripts/bench/archive";
import { engine, resetDb, testDb } from "../../support/db";

const db = testDb();
const NOW = new Date("2026-11-20T08:00:00Z");
const RELEASES = 300;
const SEED = 3;
const editor = { id: ARCHIVE_USERS[0].id, role: "EDITOR" as const };
const expected = { published: 0, live: 0, contents: 0, revisions: 0, edited: 0 };

beforeAll(async () => {
  await resetDb();
  for (const b of archiveBatches({ releases: RELEASES, seed: SEED, now: NOW })) {
    expected.published += b.releases.filter((r) => r.status === "PUBLISHED").length;
    expected.live += b.publications.filter((p) => p.locale === "zh" && p.publishedAt <= NOW).length;
    expected.contents += b.contents.length;
    expected.revisions += b.revisions.length;
    expected.edited += b.kinds.filter((k) => k === "edited").length;
  }
  const report = await loadArchive(process.env.DATABASE_URL!, {
    releases: RELEASES,
    seed: SEED,
    now: NOW,
    batchSize: 128,
  });
  expect(report.releases).toBe(RELEASES);
});

afterAll(async () => {
  await resetDb();
});

describe("the loaded archive", () => {
  test("counts per table and per locale", async () => {
    expect(await db.release.count()).toBe(RELEASES);
    expect(await db.user.count()).toBe(2);
    expect(await db.category.count()).toBe(6);
    expect(await db.releaseContent.count()).toBe(expected.contents);
    expect(await db.revision.count()).toBe(expected.revisions);
    for (const locale of ["zh", "en"] as const) {
      expect(await db.publication.count({ where: { locale } })).toBe(expected.published);
      expect(await db.publication.count({ where: { locale, publishedAt: { lte: NOW } } })).toBe(expected.live);
    }
  });

  test("dates read back as the instants generated", async () => {
    const [first] = archiveBatches({ releases: 5, seed: SEED, now: NOW });
    for (const r of first!.releases) {
      const row = await db.release.findUniqueOrThrow({ where: { id: r.id } });
      expect(row.createdAt.toISOString()).toBe(r.createdAt.toISOString());
      expect(row.releaseDate?.toISOString()).toBe(r.releaseDate?.toISOString());
    }
  });

  test("stored fingerprints match a recomputation; translations are current except after a later edit", async () => {
    const releases = await db.release.findMany({ include: { contents: true } });
    let outdated = 0;
    for (const r of releases) {
      for (const c of r.contents) expect(contentFingerprint(c)).toBe(c.fingerprint);
      if (isOutdated(releaseState(r))) outdated++;
    }
    expect(outdated).toBe(expected.edited);
  });

  test.runIf(engine() === "sqlite")("SQLite dates are stored in the format the app itself writes", async () => {
    const made = await createRelease(
      db,
      editor,
      { title: "格式", summary: "", slug: "format-check", body: '{"type":"doc"}' },
      { categoryId: null, releaseDate: null },
    );
    if (!made.ok) throw new Error(made.code);
    const raw = new Database(sqlitePath(process.env.DATABASE_URL!), { readonly: true });
    const shape = (id: string) => {
      const row = raw.prepare(`SELECT "createdAt" FROM "Release" WHERE "id" = ?`).get(id) as { createdAt: string };
      return row.createdAt.replace(/\d/g, "9");
    };
    const [generated] = archiveBatches({ releases: 1, seed: SEED, now: NOW });
    expect(shape(generated!.releases[0]!.id)).toBe(shape(made.value.id));
    raw.close();
  });
});

describe("the app on the loaded archive", () => {
  test("a generated live release can be withdrawn, then edited (a new revision)", async () => {
    const release = await db.release.findFirstOrThrow({
      where: { status: "PUBLISHED", publications: { some: { publishedAt: { lte: NOW } } }, version: 4 },
      include: { contents: true },
    });
    const zh = release.contents.find((c) => c.locale === "zh")!;
    const withdrawn = await runWorkflow(db, editor, release.id, { type: "withdraw" }, release.version, NOW);
    expect(withdrawn).toMatchObject({ ok: true, value: { status: "DRAFT" } });
    expect(await db.publication.count({ where: { releaseId: release.id } })).toBe(0);
    const input = { title: `${zh.title}（更新）`, summary: zh.summary, slug: zh.slug, body: zh.body };
    const saved = await saveContent(db, editor, release.id, "zh", input, release.version + 1);
    expect(saved.ok).toBe(true);
    const revisions = await db.revision.count({ where: { releaseId: release.id, locale: "zh" } });
    expect(revisions).toBe(2);
  });

  test("a translated release publishes with its generated translation", async () => {
    const release = await db.release.findFirstOrThrow({ where: { status: "TRANSLATED" } });
    const published = await runWorkflow(db, editor, release.id, { type: "publish" }, release.version, NOW);
    expect(published).toMatchObject({ ok: true, value: { status: "PUBLISHED", embargoed: false } });
    expect(await db.publication.count({ where: { releaseId: release.id } })).toBe(2);
  });

  test("the search reindex succeeds and finds words and mixed queries", async () => {
    const report = await reindexSearch(db);
    expect(report.releases).toBe(await db.release.count());
    expect(report.documents).toBe((await db.releaseContent.count()) + (await db.publication.count()));
    const zh = await searchPublished(db, "专利", { locale: "zh", now: NOW });
    expect(zh.total).toBeGreaterThan(10);
    const mixed = await searchPublished(db, "5G 专利", { locale: "zh", now: NOW });
    expect(mixed.total).toBeGreaterThan(0);
    expect(mixed.total).toBeLessThan(zh.total);
    const en = await searchPublished(db, "policies", { locale: "en", now: NOW });
    expect(en.total).toBeGreaterThan(0);
  }, 60_000);
});
