import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { docBlocks, parseDoc } from "../../../src/domain/release/content";
import { releaseXliff } from "../../../src/server/xliff/export";
import { importXliff } from "../../../src/server/xliff/import";
import { resetDb, testDb } from "../../support/db";
import { release, staff } from "../../support/workbench";

// A real reader and writer of XLIFF 1.2: the Translate Toolkit (Debian package translate-toolkit;
// .ci/run installs it). Our file goes to PO with xliff2po, the PO is translated, pomerge writes the
// translations back into our XLIFF, and we import what it wrote. pocount reads our file too.

const db = testDb();
let dir: string;

const run = (cmd: string, args: string[]) => {
  try {
    return execFileSync(cmd, args, { cwd: dir, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (error) {
    const e = error as { code?: string; stderr?: string };
    if (e.code === "ENOENT") {
      throw new Error(`${cmd} not found: install the Debian package translate-toolkit`, { cause: error });
    }
    throw new Error(`${cmd} ${args.join(" ")} failed: ${e.stderr ?? String(error)}`, { cause: error });
  }
};

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "newsroom-tt-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** pocount's message counts for one file (its CSV: translated, …, fuzzy, …, untranslated, …, total). */
function pocount(file: string) {
  const line = run("pocount", ["--csv", file])
    .split("\n")
    .find((l) => l.startsWith(`${file},`));
  const n = line!
    .split(",")
    .slice(1)
    .map((v) => Number(v.trim()));
  return { translated: n[0], fuzzy: n[3], untranslated: n[5], total: n[7] };
}

/** Fills every msgstr of a PO file: the English for the Chinese of each entry's unit id ("#: id"). */
function translatePo(po: string, english: Record<string, string>): string {
  return po.replace(
    /#: (\S+)\n(#, fuzzy\n)?msgid ((?:".*"\n)+)msgstr ""/g,
    (whole, id: string, _fuzzy, msgid: string) => {
      const en = english[id];
      return en ? `#: ${id}\nmsgid ${msgid}msgstr ${JSON.stringify(en)}` : whole;
    },
  );
}

test("Translate Toolkit: xliff2po + pomerge round trip of our XLIFF 1.2 imports; pocount reads it", async () => {
  await resetDb();
  const who = await staff(db);
  const zh = {
    title: "国家知识产权局发布年度报告",
    summary: "报告显示专利质量稳步提升。",
    paragraphs: ["第一段：报告于今日发布。", "第二段：专利审查周期进一步缩短。"],
  };
  const r = await release(db, who, zh, null, "draft");
  const xliff = (await releaseXliff(db, r.id, "1.2"))!;
  writeFileSync(path.join(dir, "ours.xlf"), xliff.xml);

  expect(pocount("ours.xlf")).toEqual({ translated: 0, fuzzy: 0, untranslated: 4, total: 4 });

  run("xliff2po", ["ours.xlf", "ours.po"]);
  const po = readFileSync(path.join(dir, "ours.po"), "utf8");
  for (const id of ["title", "summary", "body-1", "body-2"]) expect(po).toContain(`#: ${id}`);
  const english = {
    title: "CNIPA Releases Its Annual Report",
    summary: "The report shows steady gains in patent quality.",
    "body-1": "Paragraph one: the report was released today.",
    "body-2": "Paragraph two: patent examination times were cut further.",
  };
  writeFileSync(path.join(dir, "translated.po"), translatePo(po, english));
  run("pomerge", ["-t", "ours.xlf", "-i", "translated.po", "-o", "merged.xlf"]);
  const merged = readFileSync(path.join(dir, "merged.xlf"));

  const result = await importXliff(db, who.translator, r.id, new Uint8Array(merged));
  expect(result).toMatchObject({ ok: true, value: { units: 4, translated: 4 } });
  const en = await db.releaseContent.findFirstOrThrow({ where: { releaseId: r.id, locale: "en" } });
  expect(en.title).toBe(english.title);
  expect(en.summary).toBe(english.summary);
  expect(docBlocks(parseDoc(en.body))).toEqual([english["body-1"], english["body-2"]]);

  // And back: our export now carries that English as targets. The release is a draft, so they are
  // "translated" but not approved, which the toolkit counts as fuzzy (needing review).
  writeFileSync(path.join(dir, "again.xlf"), (await releaseXliff(db, r.id, "1.2"))!.xml);
  expect(pocount("again.xlf")).toEqual({ translated: 0, fuzzy: 4, untranslated: 0, total: 4 });
});
