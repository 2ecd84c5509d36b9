import { beforeEach, describe, expect, test } from "vitest";
import { textToDoc } from "../../../src/domain/release/content";
import { createRelease, runWorkflow, saveContent } from "../../../src/server/releases/lifecycle";
import type { Actor } from "../../../src/server/releases/transaction";
import { resetDb, testDb } from "../../support/db";

const db = testDb();
let editor: Actor;
let translator: Actor;

const content = (title: string, slug: string, text = `${title} 正文`) => ({
  title,
  summary: `${title} 摘要`,
  slug,
  body: JSON.stringify(textToDoc(text)),
});

beforeEach(async () => {
  await resetDb();
  const mk = (email: string, role: Actor["role"]) =>
    db.user.create({ data: { email, displayName: email, role, passwordHash: "x" } });
  const [e, t] = await Promise.all([mk("e@x.test", "EDITOR"), mk("t@x.test", "TRANSLATOR")]);
  editor = { id: e.id, role: "EDITOR" };
  translator = { id: t.id, role: "TRANSLATOR" };
});

async function translatedRelease() {
  const created = await createRelease(db, editor, content("原稿", "orig"), { categoryId: null, releaseDate: null });
  if (!created.ok) throw new Error(created.code);
  const saved = await saveContent(
    db,
    translator,
    created.value.id,
    "en",
    content("Original", "orig"),
    created.value.version,
  );
  if (!saved.ok) throw new Error(saved.code);
  const marked = await runWorkflow(db, translator, created.value.id, { type: "markTranslated" }, saved.value.version);
  if (!marked.ok) throw new Error(marked.code);
  return { id: created.value.id, version: marked.value.version };
}

describe("release lifecycle on a real database", () => {
  test("create → translate → mark translated → publish makes a live snapshot in both languages", async () => {
    const { id, version } = await translatedRelease();
    const published = await runWorkflow(db, editor, id, { type: "publish" }, version);
    expect(published).toMatchObject({ ok: true, value: { status: "PUBLISHED", embargoed: false } });
    const live = await db.publication.findMany({ where: { releaseId: id } });
    expect(live.map((p) => [p.locale, p.title]).sort()).toEqual([
      ["en", "Original"],
      ["zh", "原稿"],
    ]);
    const events = await db.auditEvent.findMany({ where: { releaseId: id } });
    expect(events.map((e) => e.action).sort()).toEqual([
      "release.created",
      "release.markTranslated",
      "release.publish",
    ]);
  });

  test("editing a published original leaves the live snapshot unchanged and the English outdated", async () => {
    const { id, version } = await translatedRelease();
    const pub = await runWorkflow(db, editor, id, { type: "publish" }, version);
    if (!pub.ok) throw new Error(pub.code);
    const edit = await saveContent(db, editor, id, "zh", content("改过的原稿", "orig"), pub.value.version);
    expect(edit).toMatchObject({ ok: true, value: { status: "PUBLISHED" } });
    const liveZh = await db.publication.findFirst({ where: { releaseId: id, locale: "zh" } });
    expect(liveZh?.title).toBe("原稿");
    // Republishing is refused until the translation is brought up to date.
    if (!edit.ok) throw new Error();
    const again = await runWorkflow(db, editor, id, { type: "publish" }, edit.value.version);
    expect(again).toEqual({ ok: false, code: "translation_outdated" });
  });

  test("editing the original of a TRANSLATED release returns it to DRAFT", async () => {
    const { id, version } = await translatedRelease();
    const edit = await saveContent(db, editor, id, "zh", content("新原稿", "orig"), version);
    expect(edit).toMatchObject({ ok: true, value: { status: "DRAFT" } });
    const en = await db.releaseContent.findFirst({ where: { releaseId: id, locale: "en" } });
    const zh = await db.releaseContent.findFirst({ where: { releaseId: id, locale: "zh" } });
    expect(en?.sourceFingerprint).not.toBe(zh?.fingerprint);
    expect(en?.sourceRevisionId).toBeTruthy();
  });

  test("two saves from the same base version: one wins, the other is a conflict, nothing is lost", async () => {
    const created = await createRelease(db, editor, content("原稿", "race"), { categoryId: null, releaseDate: null });
    if (!created.ok) throw new Error();
    const base = created.value.version;
    const results = await Promise.all([
      saveContent(db, editor, created.value.id, "zh", content("甲的版本", "race"), base),
      saveContent(db, editor, created.value.id, "zh", content("乙的版本", "race"), base),
    ]);
    const winners = results.filter((r) => r.ok);
    const losers = results.filter((r) => !r.ok);
    expect(winners).toHaveLength(1);
    expect(losers).toEqual([{ ok: false, code: "conflict", currentVersion: base + 1 }]);
    const revisions = await db.revision.findMany({
      where: { releaseId: created.value.id },
      orderBy: { number: "asc" },
    });
    expect(revisions.map((r) => r.number)).toEqual([1, 2]);
  });

  test("a translator may not edit the original nor publish", async () => {
    const { id, version } = await translatedRelease();
    expect(await saveContent(db, translator, id, "zh", content("x", "orig"), version)).toEqual({
      ok: false,
      code: "forbidden",
    });
    expect(await runWorkflow(db, translator, id, { type: "publish" }, version)).toEqual({
      ok: false,
      code: "forbidden",
    });
  });

  test("slugs are unique per language", async () => {
    await createRelease(db, editor, content("一", "same"), { categoryId: null, releaseDate: null });
    const second = await createRelease(db, editor, content("二", "same"), { categoryId: null, releaseDate: null });
    expect(second).toEqual({ ok: false, code: "slug_taken" });
  });

  test("withdraw removes the live snapshot", async () => {
    const { id, version } = await translatedRelease();
    const pub = await runWorkflow(db, editor, id, { type: "publish" }, version);
    if (!pub.ok) throw new Error();
    const out = await runWorkflow(db, editor, id, { type: "withdraw" }, pub.value.version);
    expect(out).toMatchObject({ ok: true, value: { status: "DRAFT" } });
    expect(await db.publication.count({ where: { releaseId: id } })).toBe(0);
  });
});

describe("history", () => {
  test("restoring a revision creates a new revision with the old text", async () => {
    const { restoreRevision } = await import("../../../src/server/releases/lifecycle");
    const created = await createRelease(db, editor, content("第一版", "hist"), { categoryId: null, releaseDate: null });
    if (!created.ok) throw new Error();
    const second = await saveContent(
      db,
      editor,
      created.value.id,
      "zh",
      content("第二版", "hist"),
      created.value.version,
    );
    if (!second.ok) throw new Error();
    const first = await db.revision.findFirstOrThrow({ where: { releaseId: created.value.id, number: 1 } });
    const restored = await restoreRevision(db, editor, created.value.id, first.id, second.value.version);
    expect(restored).toMatchObject({ ok: true });
    const revisions = await db.revision.findMany({
      where: { releaseId: created.value.id },
      orderBy: { number: "asc" },
    });
    expect(revisions.map((r) => [r.number, r.title])).toEqual([
      [1, "第一版"],
      [2, "第二版"],
      [3, "第一版"],
    ]);
    const zh = await db.releaseContent.findFirstOrThrow({ where: { releaseId: created.value.id, locale: "zh" } });
    expect(zh.title).toBe("第一版");
    // A revision of another release cannot be restored here.
    expect(await restoreRevision(db, editor, "someone-else", first.id, 1)).toEqual({ ok: false, code: "not_found" });
  });
});
