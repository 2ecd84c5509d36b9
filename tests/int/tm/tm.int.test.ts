import { beforeEach, describe, expect, test } from "vitest";
import { runWorkflow, saveContent } from "../../../src/server/releases/lifecycle";
import { lookupSegment } from "../../../src/server/tm/lookup";
import { ensureTranslationMemory, rebuildTranslationMemory, rekeyMemory } from "../../../src/server/tm/rebuild";
import { searchMemory } from "../../../src/server/tm/queries";
import { stopGrams } from "../../../src/server/tm/stop-grams";
import { tombstoneUnit } from "../../../src/server/tm/store";
import { minHashKeys, normalizeSegment } from "../../../src/domain/tm/keys";
import { resetDb, testDb } from "../../support/db";
import { input, release, staff, type Text } from "../../support/workbench";

const db = testDb();
let who: Awaited<ReturnType<typeof staff>>;

const ZH: Text = {
  title: "中欧知识产权工作组举行第二十三次会议",
  summary: "双方围绕专利、商标和地理标志保护开展交流。",
  paragraphs: [
    "中欧知识产权工作组第二十三次会议以视频方式举行，双方围绕专利、商标和地理标志保护等议题开展了深入交流。",
    "双方同意继续在工作组框架下加强对话与合作。",
  ],
};
const EN: Text = {
  title: "China-EU IP Working Group Holds Its 23rd Meeting",
  summary: "The two sides exchanged views on the protection of patents, trademarks and geographical indications.",
  paragraphs: [
    "The 23rd meeting of the China-EU IP Working Group was held by video link, with in-depth exchanges on patents.",
    "Both sides agreed to continue strengthening dialogue and cooperation within the framework of the working group.",
  ],
};

beforeEach(async () => {
  await resetDb();
  who = await staff(db);
});

const ZERO_KEYS = { k0: 0, k1: 0, k2: 0, k3: 0, k4: 0, k5: 0, k6: 0, k7: 0 };
const units = () => db.tmUnit.findMany({ where: { deletedAt: null }, orderBy: { id: "asc" } });

describe("translation memory", () => {
  test("publishing stores the aligned pairs: title, summary and each paragraph", async () => {
    await release(db, who, ZH, EN);
    const stored = await units();
    expect(stored.map((u) => [u.source, u.target])).toEqual([
      [ZH.title, EN.title],
      [ZH.summary, EN.summary],
      [ZH.paragraphs[0], EN.paragraphs[0]],
      [ZH.paragraphs[1], EN.paragraphs[1]],
    ]);
  });

  test("exact matches are 100%, a changed paragraph a fuzzy match with its percentage, unrelated text nothing", async () => {
    await release(db, who, ZH, EN);
    const exact = await lookupSegment(db, `  ${ZH.paragraphs[1]} `);
    expect(exact).toEqual([expect.objectContaining({ score: 100, target: EN.paragraphs[1] })]);
    const fuzzy = await lookupSegment(db, "双方同意继续在工作组框架下加强对话与务实合作。");
    expect(fuzzy).toHaveLength(1);
    expect(fuzzy[0]).toMatchObject({ source: ZH.paragraphs[1], target: EN.paragraphs[1] });
    expect(fuzzy[0]!.score).toBeGreaterThanOrEqual(70);
    expect(fuzzy[0]!.score).toBeLessThan(100);
    expect(await lookupSegment(db, "国家知识产权局发布2019年中国专利调查报告")).toEqual([]);
    expect(await lookupSegment(db, "。，")).toEqual([]);
  });

  test("republishing with a corrected English replaces the old pair; a pair another release holds stays", async () => {
    const a = await release(db, who, ZH, EN);
    await release(db, who, { ...ZH, title: "另一条" }, { ...EN, title: "Another" });
    const fixed = { ...EN, paragraphs: [EN.paragraphs[0]!, "Both sides agreed to keep talking."] };
    const saved = await saveContent(db, who.translator, a.id, "en", input(fixed, a.slug), a.version, {
      sourceFingerprint: (await db.releaseContent.findFirstOrThrow({ where: { releaseId: a.id, locale: "zh" } }))
        .fingerprint,
    });
    if (!saved.ok) throw new Error(saved.code);
    const published = await runWorkflow(db, who.editor, a.id, { type: "publish" }, saved.value.version);
    expect(published.ok).toBe(true);
    const targets = (await units()).map((u) => u.target);
    expect(targets).toContain("Both sides agreed to keep talking.");
    // the old translation is still held by the second release, so it stays; nothing is duplicated
    expect(targets.filter((t) => t === EN.paragraphs[1])).toHaveLength(1);
    expect(new Set(targets).size).toBe(targets.length);
  });

  test("a deleted pair is never suggested again, even after its release is republished", async () => {
    const a = await release(db, who, ZH, EN);
    const bad = (await units()).find((u) => u.target === EN.paragraphs[1])!;
    expect(await tombstoneUnit(db, bad.id)).toMatchObject({ target: EN.paragraphs[1] });
    expect(await lookupSegment(db, ZH.paragraphs[1]!)).toEqual([]);
    await runWorkflow(db, who.editor, a.id, { type: "publish" }, a.version);
    expect(await lookupSegment(db, ZH.paragraphs[1]!)).toEqual([]);
    expect(await tombstoneUnit(db, bad.id)).toBeNull();
  });

  test("search in either language, newest first, deleted pairs left out", async () => {
    await release(db, who, ZH, EN);
    const zh = await searchMemory(db, { q: "工作组", lang: "any" });
    expect(zh.items.map((u) => u.source)).toEqual([ZH.paragraphs[1], ZH.paragraphs[0], ZH.title]);
    const en = await searchMemory(db, { q: "trademarks", lang: "en" });
    expect(en.items.map((u) => u.target)).toEqual([EN.summary]);
    expect((await searchMemory(db, { q: "工作组", lang: "en" })).items).toEqual([]);
    await tombstoneUnit(db, zh.items[0]!.id);
    expect((await searchMemory(db, { q: "工作组", lang: "zh" })).items).toHaveLength(2);
    const page = await searchMemory(db, { q: "", lang: "any" });
    expect(page.items).toHaveLength(3);
  });

  test("rebuilding from the live snapshots gives the same memory", async () => {
    await release(db, who, ZH, EN);
    const before = (await units()).map((u) => [u.source, u.target]);
    await db.tmUnit.deleteMany();
    expect(await rebuildTranslationMemory(db)).toEqual({ releases: 1, units: 4 });
    expect((await units()).map((u) => [u.source, u.target])).toEqual(before);
  });

  test("a first build stopped halfway is done again at the next start; a finished one is not", async () => {
    await release(db, who, ZH, EN);
    await release(db, who, { ...ZH, title: "第二条" }, { ...EN, title: "The second" });
    const full = (await units()).map((u) => u.target).sort();
    expect(await ensureTranslationMemory(db)).toBeNull(); // publishing built it
    // A build that stopped after its first page: some units, and the mark it leaves until it ends.
    await db.tmSource.deleteMany();
    await db.tmUnit.deleteMany();
    await db.appSetting.create({ data: { key: "tm.rebuildUnfinished", value: "2026-12-03T00:00:00Z" } });
    await db.tmUnit.create({
      data: { sourceHash: "a", targetHash: "b", source: ZH.title, target: EN.title, sourceLength: 20, ...ZERO_KEYS },
    });
    expect(await ensureTranslationMemory(db)).toBe("built");
    expect((await units()).map((u) => u.target).sort()).toEqual([...full, EN.title].sort());
    expect(await db.appSetting.findUnique({ where: { key: "tm.rebuildUnfinished" } })).toBeNull();
    expect(await ensureTranslationMemory(db)).toBeNull();
  });

  test("a rebuild of many releases at once: pairs they share stored once and linked to each, every unit rekeyed", async () => {
    await release(db, who, ZH, EN);
    await release(db, who, { ...ZH, title: "第二条" }, { ...EN, title: "The second" });
    await release(db, who, { ...ZH, title: "第三条" }, { ...EN, title: "The third" });
    const links = async () =>
      (await db.tmSource.findMany({ include: { unit: true } }))
        .map((l) => `${l.releaseId} ${l.via} ${l.unit.target}`)
        .sort();
    const before = { units: (await units()).map((u) => [u.source, u.target]), links: await links() };
    expect(before.units).toHaveLength(6); // 3 titles, the shared summary and paragraphs once each
    await db.tmSource.deleteMany();
    await db.tmUnit.deleteMany();
    expect(await rebuildTranslationMemory(db)).toEqual({ releases: 3, units: 6 });
    expect((await units()).map((u) => [u.source, u.target]).sort()).toEqual([...before.units].sort());
    expect(await links()).toEqual(before.links);
    // Rekeying writes each row its own keys (one statement for the page: no row takes another's).
    await db.tmUnit.updateMany({ data: ZERO_KEYS });
    await rekeyMemory(db);
    const stop = (await stopGrams(db)).set;
    for (const u of await units()) {
      const keys = [u.k0, u.k1, u.k2, u.k3, u.k4, u.k5, u.k6, u.k7];
      expect(keys).toEqual(minHashKeys(normalizeSegment(u.source), stop));
    }
  });
});
