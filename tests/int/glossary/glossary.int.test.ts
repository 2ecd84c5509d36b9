import { beforeEach, describe, expect, test } from "vitest";
import { glossaryTermSchema } from "../../../src/domain/glossary/schemas";
import { findTerms } from "../../../src/domain/glossary/terms";
import { exportGlossaryCsv, importGlossaryCsv } from "../../../src/server/glossary/csv";
import { deleteTerm, glossaryIndex, saveTerm } from "../../../src/server/glossary/store";
import { resetDb, testDb } from "../../support/db";
import { staff } from "../../support/workbench";

const db = testDb();
let who: Awaited<ReturnType<typeof staff>>;
const input = (term: string, approved: string, forbidden = "") =>
  glossaryTermSchema.parse({ term, approved, forbidden, note: "", category: "机构" });

beforeEach(async () => {
  await resetDb();
  who = await staff(db);
});

describe("glossary entries", () => {
  test("editors and admins write, translators may not; one entry per term (full-width and case fold)", async () => {
    expect(await saveTerm(db, who.translator, null, input("国家知识产权局", "CNIPA"))).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect(await saveTerm(db, null, null, input("国家知识产权局", "CNIPA"))).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    const made = await saveTerm(
      db,
      who.editor,
      null,
      input("国家知识产权局", "CNIPA\nChina National Intellectual Property Administration", "SIPO"),
    );
    expect(made.ok).toBe(true);
    expect(await saveTerm(db, who.admin, null, input(" 国家知识产权局 ", "X"))).toMatchObject({
      ok: false,
      code: "glossary_term_taken",
    });
    const row = await db.glossaryTerm.findFirstOrThrow();
    expect(JSON.parse(row.approved)).toEqual(["CNIPA", "China National Intellectual Property Administration"]);
    expect(JSON.parse(row.forbidden)).toEqual(["SIPO"]);
    expect(await db.auditEvent.count({ where: { action: "glossary.created" } })).toBe(1);
  });

  test("the matcher sees every change at once (created, updated, deleted)", async () => {
    const made = await saveTerm(db, who.editor, null, input("五局", "IP5"));
    if (!made.ok) throw new Error(made.code);
    const hits = async () => findTerms("五局合作", (await glossaryIndex(db)).index).map((h) => h.entry.approved);
    expect(await hits()).toEqual([["IP5"]]);
    await saveTerm(db, who.editor, made.value.id, input("五局", "the IP5 offices"));
    expect(await hits()).toEqual([["the IP5 offices"]]);
    expect(await deleteTerm(db, who.translator, made.value.id)).toMatchObject({ ok: false, code: "forbidden" });
    expect((await deleteTerm(db, who.admin, made.value.id)).ok).toBe(true);
    expect(await hits()).toEqual([]);
  });

  test("a forbidden variant may not be an approved rendering (plural and case included)", () => {
    const r = glossaryTermSchema.safeParse({
      term: "专利",
      approved: "patent",
      forbidden: "Patents",
      note: "",
      category: "",
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe("glossary_forbidden_is_approved");
  });
});

describe("CSV", () => {
  const csv = [
    "term_zh,approved_en,forbidden_en,note,category",
    "国家知识产权局,CNIPA | China National Intellectual Property Administration,SIPO,官方名称,机构",
    ",missing term,,,",
    "专利,,,,",
    "English,only,,,",
    "五局,IP5,,,合作",
    "五局,IP5 again,,,",
    '"知识产权","intellectual property | IP",,"note with ""quotes"", and a comma",',
  ].join("\r\n");

  test("import saves the good rows together and reports each rejected row with its line and reason", async () => {
    const result = await importGlossaryCsv(db, who.editor, csv);
    expect(result).toEqual({
      ok: true,
      value: {
        created: 3,
        updated: 0,
        rejected: [
          { line: 3, term: "", reason: "glossary_term_required" },
          { line: 4, term: "专利", reason: "glossary_approved_required" },
          { line: 5, term: "English", reason: "glossary_term_not_chinese" },
          { line: 7, term: "五局", reason: "glossary_duplicate_in_file" },
        ],
      },
    });
    const again = await importGlossaryCsv(db, who.editor, csv);
    expect(again).toMatchObject({ ok: true, value: { created: 0, updated: 3 } });
    expect(await importGlossaryCsv(db, who.translator, csv)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await importGlossaryCsv(db, who.editor, "a,b\n1,2")).toMatchObject({ ok: false, code: "csv_header" });
    expect(await importGlossaryCsv(db, who.editor, '"unterminated')).toMatchObject({ ok: false, code: "csv_invalid" });
  });

  test("export round-trips through import, and cells a spreadsheet would run as formulas are defused", async () => {
    await importGlossaryCsv(db, who.editor, csv);
    await saveTerm(db, who.editor, null, input("公式", '=HYPERLINK("http://evil")', "@SUM(1)"));
    const bytes = await new Response(exportGlossaryCsv(db)).arrayBuffer();
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    expect(text.startsWith("\uFEFFterm_zh,approved_en,forbidden_en,note,category\r\n")).toBe(true);
    expect(text).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(text).toContain("'@SUM(1)");
    expect(text).not.toMatch(/(^|,)[=@]/m);
    await resetDb();
    who = await staff(db);
    const back = await importGlossaryCsv(db, who.editor, text);
    expect(back).toMatchObject({ ok: true, value: { created: 4, rejected: [] } });
    const formula = await db.glossaryTerm.findFirstOrThrow({ where: { term: "公式" } });
    expect(JSON.parse(formula.approved)).toEqual(['=HYPERLINK("http://evil")']);
  });
});
