import { beforeEach, describe, expect, test } from "vitest";
import { glossaryTermSchema } from "../../../src/domain/glossary/schemas";
import { checkRelease } from "../../../src/server/check/translation-check";
import { saveTerm } from "../../../src/server/glossary/store";
import { runWorkflow } from "../../../src/server/releases/lifecycle";
import { setSetting } from "../../../src/server/settings";
import { resetDb, testDb } from "../../support/db";
import { release, staff } from "../../support/workbench";

const db = testDb();
let who: Awaited<ReturnType<typeof staff>>;

const ZH = {
  title: "国家知识产权局召开座谈会",
  summary: "会议于2020年7月1日举行。",
  paragraphs: ["共有三家企业参加。"],
};
const EN = {
  title: "SIPO holds a symposium",
  summary: "The meeting was held on July 2, 2020.",
  paragraphs: ["Three firms took part."],
};

beforeEach(async () => {
  await resetDb();
  who = await staff(db);
  await saveTerm(
    db,
    who.editor,
    null,
    glossaryTermSchema.parse({ term: "国家知识产权局", approved: "CNIPA", forbidden: "SIPO", note: "", category: "" }),
  );
});

describe("the check before Mark as translated", () => {
  test("lists term and number problems per segment", async () => {
    const r = await release(db, who, ZH, EN, "draft");
    const check = await checkRelease(db, r.id);
    expect(check).toEqual({
      blocking: false,
      problems: [
        { segment: "title", kind: "term_missing", zh: "国家知识产权局", en: ["CNIPA"] },
        { segment: "title", kind: "term_forbidden", zh: "国家知识产权局", en: ["SIPO"] },
        { segment: "summary", kind: "number_missing", zh: "2020年7月1日", en: ["July 1, 2020"] },
      ],
    });
  });

  test("advisory by default: marking succeeds and the list is kept in the audit event", async () => {
    const r = await release(db, who, ZH, EN, "draft");
    const marked = await runWorkflow(db, who.translator, r.id, { type: "markTranslated" }, r.version);
    expect(marked.ok).toBe(true);
    const event = await db.auditEvent.findFirstOrThrow({
      where: { releaseId: r.id, action: "release.markTranslated" },
    });
    expect(JSON.parse(event.detail!)).toMatchObject({
      check: { total: 3, problems: [{ kind: "term_missing" }, { kind: "term_forbidden" }, { kind: "number_missing" }] },
    });
  });

  test("with the admin setting, term problems block marking and nothing changes", async () => {
    await setSetting(db, "termErrorsBlock", true);
    const r = await release(db, who, ZH, EN, "draft");
    expect((await checkRelease(db, r.id))?.blocking).toBe(true);
    const refused = await runWorkflow(db, who.translator, r.id, { type: "markTranslated" }, r.version);
    expect(refused).toMatchObject({ ok: false, code: "term_errors_block" });
    expect(await db.release.findUniqueOrThrow({ where: { id: r.id } })).toMatchObject({
      status: "DRAFT",
      version: r.version,
    });
    // number problems alone never block
    const fine = await release(db, who, ZH, { ...EN, title: "CNIPA holds a symposium" }, "draft");
    expect((await runWorkflow(db, who.translator, fine.id, { type: "markTranslated" }, fine.version)).ok).toBe(true);
  });
});
