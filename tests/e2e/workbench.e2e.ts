import { readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { DEMO, editorReady, openRelease, signedInPage } from "./support";

// The translator workbench in the browser: memory matches inserted with one click, the glossary
// check before "Mark as translated", an XLIFF round trip, and an assignment reaching the translator.

const stamp = Date.now().toString(36);

/** An editor creates a release through the form (Chinese UI) and returns its URL. */
async function newRelease(editor: Page, title: string, slug: string, paragraphs: string[]): Promise<string> {
  await editor.goto("/admin/releases/new");
  await editorReady(editor);
  await editor.getByLabel("标题").fill(title);
  await editor.getByLabel("摘要").fill(`${title}的摘要。`);
  await editor.getByLabel("网址别名").fill(slug);
  const body = editor.getByRole("textbox", { name: "正文" });
  await body.click();
  for (const [i, p] of paragraphs.entries()) {
    if (i > 0) await editor.keyboard.press("Enter");
    await editor.keyboard.type(p);
  }
  await editor.getByRole("button", { name: "保存" }).click();
  await expect(editor).toHaveURL(/\/admin\/releases\/(?!new$)[^/]+$/);
  return editor.url();
}

test("translation memory: exact and fuzzy matches with their percentage; Insert fills the English paragraph", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const editor = await signedInPage(browser, DEMO.editor);
  // The first paragraph was published (demo release 中欧知识产权工作组…); the second differs by two characters.
  const url = await newRelease(editor, "工作组跟进会议（记忆测试）", `e2e-tm-${stamp}`, [
    "双方同意继续在工作组框架下加强对话与合作。",
    "双方同意继续在工作组框架下加强对话与务实合作。",
  ]);
  const translator = await signedInPage(browser, DEMO.translator);
  await translator.goto(`${url}/translate`);
  await editorReady(translator);
  const original = translator.getByRole("region", { name: "Chinese original" });
  const first = original.getByRole("group", { name: "Translation memory matches for Paragraph 1" });
  const second = original.getByRole("group", { name: "Translation memory matches for Paragraph 2" });
  await expect(first.getByText("100% (exact)")).toBeVisible();
  await expect(second.getByText(/^9\d%$/)).toBeVisible();
  await expect(second.locator(".tm-source del")).toContainText("务实");
  const english =
    "Both sides agreed to continue strengthening dialogue and cooperation within the framework of the working group.";
  await first.getByRole("button", { name: "Insert the 100% match into the English (Paragraph 1)" }).click();
  await expect(translator.getByRole("textbox", { name: "Body" })).toContainText(english);
  await translator.getByLabel("Title", { exact: true }).fill("Working group follow-up meeting");
  await translator.getByLabel("Summary", { exact: true }).fill("A follow-up meeting.");
  await translator.getByRole("button", { name: "Save" }).click();
  await expect(translator.getByText("Saved.", { exact: true })).toBeVisible();
  await expect(translator.locator("table.alignment")).toContainText(english);
});

test("glossary: an editor adds a term; its English is shown on the Chinese; the check lists problems before marking translated", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const editor = await signedInPage(browser, DEMO.editor);
  await editor.goto("/admin/glossary");
  const add = editor.getByRole("region", { name: "新增术语" });
  await add.getByLabel("中文术语").fill("座谈会");
  await add.getByLabel("核准英文").fill("symposium");
  await add.getByLabel("禁用译法").fill("forum");
  await add.getByRole("button", { name: "加入术语表" }).click();
  await expect(add.getByText("术语已添加。")).toBeVisible();
  await editor.goto("/admin/glossary?q=座谈会");
  await expect(editor.getByRole("row", { name: /座谈会/ })).toContainText("symposium");

  const url = await newRelease(editor, "国家知识产权局召开座谈会（检查测试）", `e2e-check-${stamp}`, [
    "2020年4月9日，国家知识产权局召开座谈会，三家企业参加。",
  ]);
  const translator = await signedInPage(browser, DEMO.translator);
  await translator.goto("/admin/glossary");
  await expect(translator.getByRole("region", { name: "Add a term" })).toHaveCount(0);
  await translator.goto(`${url}/translate`);
  await editorReady(translator);
  const original = translator.getByRole("region", { name: "Chinese original" });
  await expect(original.locator("mark.term", { hasText: "座谈会" }).first()).toBeVisible();
  await expect(original.locator(".term-gloss").first()).toContainText(
    "CNIPA / China National Intellectual Property Administration",
  );
  await translator.getByLabel("Title", { exact: true }).fill("SIPO holds a forum");
  await translator.getByLabel("Summary", { exact: true }).fill("A forum was held.");
  const body = translator.getByRole("textbox", { name: "Body" });
  await body.click();
  await body.pressSequentially("On April 10, 2020, CNIPA held a symposium with three firms.");
  await translator.getByRole("button", { name: "Save" }).click();
  await expect(translator.getByText("Saved.", { exact: true })).toBeVisible();

  await translator.getByRole("button", { name: "Mark as translated", exact: true }).click();
  const check = translator.getByRole("region", { name: /The check found \d+ possible problems/ });
  await expect(check).toContainText("Title: “国家知识产权局” is translated with a forbidden variant: SIPO.");
  await expect(check).toContainText("Title: “座谈会” is translated with a forbidden variant: forum.");
  await expect(check).toContainText(
    "Paragraph 1: “2020年4月9日” does not appear in the English (expected: April 9, 2020).",
  );
  await expect(check).toContainText("this list is kept in the audit log");
  await translator.getByRole("button", { name: /^Confirm$/ }).click();
  await expect(translator.getByText("Marked as translated.", { exact: true })).toBeVisible();
});

test("XLIFF: download for a CAT tool, translate, upload; a hostile file is refused", async ({ browser }) => {
  test.setTimeout(90_000);
  const editor = await signedInPage(browser, DEMO.editor);
  const url = await newRelease(editor, "XLIFF往返测试", `e2e-xliff-${stamp}`, ["第一段内容。", "第二段内容。"]);
  const translator = await signedInPage(browser, DEMO.translator);
  await translator.goto(`${url}/translate`);
  await editorReady(translator);
  const [download] = await Promise.all([
    translator.waitForEvent("download"),
    translator.getByRole("link", { name: "XLIFF 1.2" }).click(),
  ]);
  const xml = readFileSync(await download.path(), "utf8");
  expect(xml).toContain('<trans-unit id="body-2"');
  const english: Record<string, string> = {
    title: "XLIFF round trip",
    summary: "The summary, from a CAT tool.",
    "body-1": "Paragraph one.",
    "body-2": "Paragraph two.",
  };
  const translated = xml.replace(
    /<trans-unit id="([\w-]+)"([\s\S]*?)<\/source>/g,
    (all, id: string) => `${all}\n        <target state="translated">${english[id]}</target>`,
  );
  const file = path.join(tmpdir(), `e2e-${stamp}.xlf`);
  writeFileSync(file, translated);

  const xliff = translator.getByRole("region", { name: "Work in a CAT tool (XLIFF)" });
  const hostile = path.join(tmpdir(), `e2e-${stamp}-hostile.xlf`);
  writeFileSync(hostile, translated.replace("<xliff", '<!DOCTYPE x [<!ENTITY a "aaaa">]><xliff'));
  await xliff.getByLabel("Translated XLIFF file").setInputFiles(hostile);
  await xliff.getByRole("button", { name: "Import translation" }).click();
  await expect(xliff.getByText(/contains a DOCTYPE declaration/)).toBeVisible();

  await xliff.getByLabel("Translated XLIFF file").setInputFiles(file);
  await xliff.getByRole("button", { name: "Import translation" }).click();
  await expect(xliff.getByText(/Imported: 4 of 4 units translated/)).toBeVisible();
  await expect(translator.getByLabel("Title", { exact: true })).toHaveValue("XLIFF round trip", { timeout: 15_000 });
  await expect(translator.getByRole("textbox", { name: "Body" })).toContainText("Paragraph two.");
  await expect(translator.getByRole("button", { name: "Mark as translated", exact: true })).toBeEnabled();
});

test("assignment: the editor assigns, the translator sees it in My assignments with a notification", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const editor = await signedInPage(browser, DEMO.editor);
  const url = await newRelease(editor, "分配任务测试", `e2e-assign-${stamp}`, ["待翻译的一段。"]);
  const translator = await signedInPage(browser, DEMO.translator);
  const before = Number(await translator.locator(".badge").textContent());
  const panel = editor.getByRole("region", { name: "翻译任务" });
  await panel.getByLabel("译员").selectOption({ label: "译员 Translator" });
  const due = new Date(Date.now() + 3 * 24 * 3600e3);
  await panel
    .getByLabel("截止时间")
    .fill(new Date(due.getTime() - due.getTimezoneOffset() * 60e3).toISOString().slice(0, 16));
  await panel.getByRole("button", { name: "分配" }).click();
  await expect(panel.getByText("任务已保存，已通知译员。")).toBeVisible();

  await translator.goto("/admin/my");
  await expect(translator.locator(".badge")).toHaveText(String(before + 1));
  await expect(translator.getByRole("link", { name: "分配任务测试" })).toHaveAttribute(
    "href",
    `${new URL(url).pathname}/translate`,
  );
  await translator.getByRole("link", { name: /^Notifications/ }).click();
  await expect(
    translator.getByText("You were assigned the translation of “分配任务测试”", { exact: false }),
  ).toBeVisible();
  await translator.getByRole("button", { name: "Mark all as read" }).click();
  await expect(translator.locator(".badge")).toHaveText("0");
});

test("source diff: inside a changed paragraph the inserted characters are marked, with the English beside it", async ({
  browser,
}) => {
  const translator = await signedInPage(browser, DEMO.translator);
  const id = await openRelease(translator, "中欧知识产权工作组举行第二十三次会议");
  await translator.goto(`/admin/releases/${id}/translate`);
  const diff = translator.getByRole("region", { name: "The Chinese original changed" });
  const summary = diff.getByRole("group", { name: "What changed in Summary" });
  await expect(summary.locator("ins")).toHaveText("Added: ，并商定下次会议安排");
  await expect(summary.locator("del")).toHaveCount(0);
  await expect(summary).toContainText(
    "The two sides exchanged views on the protection of patents, trademarks and geographical indications.",
  );
  const second = diff.getByRole("group", { name: "What changed in Paragraph 2" });
  await expect(second.locator("ins")).toContainText("并商定于年内举行下一次会议");
  await expect(second).toContainText("Both sides agreed to continue strengthening dialogue");
});
