import { beforeEach, describe, expect, test } from "vitest";
import { docBlocks, parseDoc, type DocNode } from "../../../src/domain/release/content";
import { saveContent } from "../../../src/server/releases/lifecycle";
import { releaseXliff } from "../../../src/server/xliff/export";
import { importXliff, MAX_XLIFF_BYTES } from "../../../src/server/xliff/import";
import { resetDb, testDb } from "../../support/db";
import { all, parseXml } from "../../support/xml";
import { release, staff } from "../../support/workbench";

const db = testDb();
let who: Awaited<ReturnType<typeof staff>>;
const bytes = (s: string) => new TextEncoder().encode(s);

const richBody = (texts: DocNode[][]) =>
  JSON.stringify({ type: "doc", content: texts.map((content) => ({ type: "paragraph", content })) });
const ZH_BODY = richBody([
  [
    { type: "text", text: "国家知识产权局" },
    { type: "text", text: "今日", marks: [{ type: "bold" }] },
    { type: "text", text: "发布", marks: [{ type: "italic" }] },
    { type: "text", text: "报告", marks: [{ type: "link", attrs: { href: "https://www.cnipa.gov.cn/report" } }] },
    { type: "text", text: "。" },
  ],
  [{ type: "text", text: "第二段。" }],
]);

async function draft() {
  const r = await release(db, who, { title: "标题", summary: "摘要", paragraphs: ["x"] }, null, "draft");
  const saved = await saveContent(
    db,
    who.editor,
    r.id,
    "zh",
    { title: "标题", summary: "摘要", body: ZH_BODY, slug: r.slug },
    r.version,
  );
  if (!saved.ok) throw new Error(saved.code);
  return { ...r, version: saved.value.version };
}

const snapshot = async (id: string) =>
  JSON.stringify(
    await db.release.findUniqueOrThrow({ where: { id }, include: { contents: { orderBy: { locale: "asc" } } } }),
  );

/** Fills every <target> of an exported 1.2 file the way a CAT tool does (tags kept). */
function translate12(xml: string): string {
  return xml.replace(/<source>([\s\S]*?)<\/source>\n(\s*)<\/trans-unit>/g, (_m, src: string, indent: string) => {
    const en = src
      .replace("标题", "Title")
      .replace("摘要", "Summary")
      .replace("国家知识产权局", "CNIPA ")
      .replace("今日", "today")
      .replace("发布", " released")
      .replace("报告", " a report")
      .replace("。", ".")
      .replace("第二段", "Second paragraph");
    return `<source>${src}</source>\n${indent}  <target state="translated">${en}</target>\n${indent}</trans-unit>`;
  });
}

beforeEach(async () => {
  await resetDb();
  who = await staff(db);
});

describe("export", () => {
  test.each(["1.2", "2.0"] as const)(
    "XLIFF %s: units with stable ids, inline codes, fingerprint; well-formed",
    async (version) => {
      const r = await draft();
      const file = (await releaseXliff(db, r.id, version))!;
      const root = parseXml(file.xml);
      expect(root.uri).toBe(`urn:oasis:names:tc:xliff:document:${version}`);
      const units = all(root, version === "1.2" ? "trans-unit" : "unit").map((u) => u.attrs.id);
      expect(units).toEqual(["title", "summary", "body-1", "body-2"]);
      expect(file.xml).toContain(
        (await db.releaseContent.findFirstOrThrow({ where: { releaseId: r.id, locale: "zh" } })).fingerprint,
      );
      expect(all(root, version === "1.2" ? "g" : "pc")).toHaveLength(3);
      expect(file.filename).toMatch(/^wb-[\w-]+\.zh-CN_en\.v(12|20)\.xlf$/);
      expect((await releaseXliff(db, r.id, version))!.xml).toBe(file.xml);
    },
  );
});

describe("import", () => {
  test("round trip: English saved with inline formatting (links keep their href), status untouched", async () => {
    const r = await draft();
    const file = (await releaseXliff(db, r.id, "1.2"))!;
    const result = await importXliff(db, who.translator, r.id, bytes(translate12(file.xml)));
    expect(result).toMatchObject({ ok: true, value: { units: 4, translated: 4, kept: 0, remembered: 4 } });
    const en = await db.releaseContent.findFirstOrThrow({ where: { releaseId: r.id, locale: "en" } });
    expect(en).toMatchObject({ title: "Title", summary: "Summary" });
    const body = parseDoc(en.body);
    expect(docBlocks(body)).toEqual(["CNIPA today released a report.", "Second paragraph."]);
    expect(body.content![0]!.content).toEqual([
      { type: "text", text: "CNIPA " },
      { type: "text", text: "today", marks: [{ type: "bold" }] },
      { type: "text", text: " released", marks: [{ type: "italic" }] },
      {
        type: "text",
        text: " a report",
        marks: [{ type: "link", attrs: { href: "https://www.cnipa.gov.cn/report" } }],
      },
      { type: "text", text: "." },
    ]);
    expect((await db.release.findUniqueOrThrow({ where: { id: r.id } })).status).toBe("DRAFT");
    expect(await db.revision.count({ where: { releaseId: r.id, locale: "en" } })).toBe(1);
    expect(await db.auditEvent.count({ where: { releaseId: r.id, action: "release.xliff_imported" } })).toBe(1);
  });

  test("the same works through XLIFF 2.0; the exported English comes back as targets", async () => {
    const r = await draft();
    const first = await importXliff(
      db,
      who.translator,
      r.id,
      bytes(translate12((await releaseXliff(db, r.id, "1.2"))!.xml)),
    );
    expect(first.ok).toBe(true);
    const v2 = (await releaseXliff(db, r.id, "2.0"))!.xml;
    expect(v2).toContain("<target>CNIPA <pc");
    const again = await importXliff(db, who.translator, r.id, bytes(v2.replace("Second paragraph", "Paragraph two")));
    expect(again).toMatchObject({ ok: true, value: { translated: 4 } });
    const en = await db.releaseContent.findFirstOrThrow({ where: { releaseId: r.id, locale: "en" } });
    expect(docBlocks(parseDoc(en.body))).toEqual(["CNIPA today released a report.", "Paragraph two."]);
  });

  describe("refused, and nothing changes", () => {
    test.each([
      [
        "another release",
        (x: string) =>
          x
            .replaceAll(/newsroom\/releases\/[\w-]+/g, "newsroom/releases/other")
            .replace(/newsroom:release="[^"]+"/, 'newsroom:release="other"'),
        "xliff_wrong_release",
      ],
      [
        "another language pair",
        (x: string) => x.replace('target-language="en"', 'target-language="fr"'),
        "xliff_wrong_languages",
      ],
      ["malformed XML", (x: string) => x.replace("</body>", ""), "xliff_malformed"],
      [
        "entity expansion",
        (x: string) =>
          x.replace("<xliff", '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]><xliff'),
        "xliff_doctype",
      ],
      [
        "external entity",
        (x: string) =>
          x.replace("<xliff", '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><xliff').replace("Title", "&e;"),
        "xliff_doctype",
      ],
      ["no translations", (x: string) => x.replace(/<target[^>]*>[\s\S]*?<\/target>/g, ""), "xliff_no_targets"],
      ["not UTF-8", (x: string) => x.replace("Title", "T\u00e9tle"), "xliff_not_utf8"],
    ])("%s", async (_name, mutate, code) => {
      const r = await draft();
      const xml = mutate(translate12((await releaseXliff(db, r.id, "1.2"))!.xml));
      const before = await snapshot(r.id);
      const raw = code === "xliff_not_utf8" ? Uint8Array.from(Buffer.from(xml, "latin1")) : bytes(xml);
      const result = await importXliff(db, who.translator, r.id, raw);
      expect(result).toMatchObject({ ok: false, code });
      expect(await snapshot(r.id)).toBe(before);
    });

    test("made from a Chinese version that has changed: the changed units are named", async () => {
      const r = await draft();
      const xml = translate12((await releaseXliff(db, r.id, "1.2"))!.xml);
      const edited = richBody([
        [{ type: "text", text: "完全不同的第一段。" }],
        [{ type: "text", text: "第二段。" }],
        [{ type: "text", text: "新增的第三段。" }],
      ]);
      await saveContent(
        db,
        who.editor,
        r.id,
        "zh",
        { title: "标题", summary: "摘要", body: edited, slug: r.slug },
        r.version,
      );
      const before = await snapshot(r.id);
      const result = await importXliff(db, who.translator, r.id, bytes(xml));
      expect(result).toMatchObject({ ok: false, code: "xliff_source_changed", params: { units: "body-1, body-3" } });
      expect(await snapshot(r.id)).toBe(before);
    });

    test("oversized files and people who may not translate", async () => {
      const r = await draft();
      expect(await importXliff(db, who.translator, r.id, new Uint8Array(MAX_XLIFF_BYTES + 1))).toMatchObject({
        ok: false,
        code: "xliff_too_large",
      });
      expect(await importXliff(db, null, r.id, bytes("<x/>"))).toMatchObject({ ok: false, code: "forbidden" });
    });
  });
});
