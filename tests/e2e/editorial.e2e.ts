import { expect, test, type Page } from "@playwright/test";
import { DEMO, editorReady, openRelease, signedInPage, runWorkflowButton } from "./support";

// The whole story: an editor drafts in Chinese, a translator translates side by side, the editor
// publishes, a reader sees both languages linked, the editor changes the Chinese, and the
// translator sees the translation outdated with the diff.

const SLUG = `e2e-story-${Date.now().toString(36)}`;

async function typeBody(page: Page, name: RegExp | string, text: string) {
  const body = page.getByRole("textbox", { name });
  await body.click();
  await body.pressSequentially(text);
}

test("draft → translate → publish → read → edit → outdated translation", async ({ browser }) => {
  test.setTimeout(120_000);
  const editor = await signedInPage(browser, DEMO.editor);
  await editor.getByRole("link", { name: "新建稿件" }).click();
  await editorReady(editor);
  await editor.getByLabel("标题").fill("国家知识产权局举行端到端测试发布会");
  await editor.getByLabel("摘要").fill("这是一条测试稿件的摘要。");
  await editor.getByLabel("网址别名").fill(SLUG);
  await typeBody(editor, "正文", "第一段：测试发布会于今日举行。");
  await editor.getByRole("button", { name: "保存" }).click();
  await expect(editor).toHaveURL(/\/admin\/releases\/(?!new$)[^/]+$/);
  const releaseUrl = editor.url();
  await expect(editor.getByRole("heading", { level: 1 })).toHaveText("国家知识产权局举行端到端测试发布会");

  // Translator, English UI.
  const translator = await signedInPage(browser, DEMO.translator);
  await translator.goto(`${releaseUrl}/translate`);
  await editorReady(translator);
  await expect(translator.getByRole("region", { name: "Chinese original" })).toContainText(
    "第一段：测试发布会于今日举行。",
  );
  await expect(translator.getByRole("button", { name: "Mark as translated" })).toBeDisabled();
  await translator.getByLabel("Title").fill("CNIPA Holds an End-to-End Test Press Conference");
  await translator.getByLabel("Summary").fill("The summary of a test release.");
  await typeBody(translator, "Body", "Paragraph one: the test press conference was held today.");
  await translator.getByRole("button", { name: "Save" }).click();
  await expect(translator.getByText("Saved.", { exact: true })).toBeVisible();
  await runWorkflowButton(translator, "Mark as translated", "Marked as translated.");

  // Editor publishes.
  await editor.reload();
  await runWorkflowButton(editor, "发布", "已发布。");

  // An anonymous reader sees both languages, linked to each other.
  const reader = await (await browser.newContext()).newPage();
  await reader.goto(`/zh/news/${SLUG}`);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText("国家知识产权局举行端到端测试发布会");
  await reader.locator(".counterpart a").click();
  await expect(reader).toHaveURL(new RegExp(`/en/news/${SLUG}$`));
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText("CNIPA Holds an End-to-End Test Press Conference");
  await expect(reader.locator(".counterpart")).toContainText("translated from the Chinese version");

  // The editor changes the Chinese; the live page does not change until republished.
  await editor.reload();
  await editorReady(editor);
  const body = editor.getByRole("textbox", { name: "正文" });
  await body.click();
  await editor.keyboard.press("ControlOrMeta+End");
  await editor.keyboard.press("Enter");
  await editor.keyboard.type("第二段：会议还讨论了后续安排。");
  await editor.getByRole("button", { name: "保存" }).click();
  await expect(editor.getByText("已保存。", { exact: true })).toBeVisible();
  await reader.goto(`/zh/news/${SLUG}`);
  await expect(reader.getByText("第二段")).toHaveCount(0);

  // The translator sees the translation outdated, with what changed in the Chinese.
  await translator.goto(`${releaseUrl}/translate`);
  await editorReady(translator);
  await expect(translator.getByText("Translation outdated: the Chinese changed after translation.")).toBeVisible();
  const diff = translator.getByRole("region", { name: "The Chinese original changed" });
  await expect(diff.locator("ins")).toContainText("第二段：会议还讨论了后续安排。");
  await expect(translator.getByRole("button", { name: "Mark as translated" })).toBeDisabled();
  await expect(editor.getByRole("button", { name: "发布" })).toBeDisabled();

  // Translator updates and confirms; the editor can republish.
  await typeBody(translator, "Body", " Paragraph two: follow-up arrangements were discussed.");
  await translator.getByLabel("I have updated the translation to match the current Chinese").check();
  await translator.getByRole("button", { name: "Save" }).click();
  await expect(translator.getByText("Saved.", { exact: true })).toBeVisible();
  await editor.reload();
  await runWorkflowButton(editor, "发布", "已发布。");
  await reader.goto(`/zh/news/${SLUG}`);
  await expect(reader.getByText("第二段：会议还讨论了后续安排。")).toBeVisible();
});

test("invalid input is refused next to the field and nothing typed is lost", async ({ browser }) => {
  const editor = await signedInPage(browser, DEMO.editor);
  await editor.goto("/admin/releases/new");
  await editorReady(editor);
  await editor.getByLabel("标题").fill("");
  await editor.getByLabel("摘要").fill("保留这段摘要");
  await editor.getByLabel("网址别名").fill("Not A Slug!");
  await typeBody(editor, "正文", "正文也要保留。");
  await editor.getByRole("button", { name: "保存" }).click();
  await expect(editor.getByText("请填写标题。")).toBeVisible();
  await expect(editor.getByText("网址别名只能包含小写字母、数字和连字符。")).toBeVisible();
  await expect(editor.getByLabel("摘要")).toHaveValue("保留这段摘要");
  await expect(editor.getByRole("textbox", { name: "正文" })).toContainText("正文也要保留。");
  await expect(editor).toHaveURL(/\/admin\/releases\/new$/);
});

test("a save against a newer version shows both texts and lets the user keep theirs", async ({ browser }) => {
  const a = await signedInPage(browser, DEMO.editor);
  const b = await signedInPage(browser, DEMO.admin);
  const id = await openRelease(a, "国家知识产权局召开知识产权保护工作座谈会");
  await editorReady(a);
  await b.goto(`/admin/releases/${id}`);
  await editorReady(b);
  await a.getByLabel("摘要").fill("甲的摘要");
  await b.getByLabel("摘要").fill("乙的摘要");
  await a.getByRole("button", { name: "保存" }).click();
  await expect(a.getByText("已保存。", { exact: true })).toBeVisible();
  await b.getByRole("button", { name: "保存" }).click();
  const conflict = b.getByRole("region", { name: "保存冲突" });
  await expect(conflict).toContainText("甲的摘要");
  await expect(conflict).toContainText("乙的摘要");
  await conflict.getByRole("button", { name: "保留我的版本" }).click();
  await expect(b.getByText("已保存。", { exact: true })).toBeVisible();
  await a.reload();
  await expect(a.getByLabel("摘要")).toHaveValue("乙的摘要");
  // Nothing was lost: A's text is in the history, as the revision B's replaced.
  await a.goto(`/admin/releases/${id}/history`);
  await expect(a.getByRole("table", { name: "修订列表" })).toBeVisible();
  await expect(a.locator("del", { hasText: "甲的摘要" })).toBeVisible();
  await expect(a.locator("ins", { hasText: "乙的摘要" })).toBeVisible();
});

test("preview is private: signed-in users see the working copy, anonymous visitors get 404", async ({ browser }) => {
  const editor = await signedInPage(browser, DEMO.editor);
  const id = await openRelease(editor, "国家知识产权局发布2019年中国专利调查报告");
  const res = await editor.goto(`/preview/${id}/en`);
  expect(res?.status()).toBe(200);
  await expect(editor.getByRole("heading", { level: 1 })).toHaveText(
    "CNIPA Releases the 2019 China Patent Survey Report",
  );
  const anon = await (await browser.newContext()).newPage();
  expect((await anon.goto(`/preview/${id}/en`))?.status()).toBe(404);
  expect((await anon.request.get(`/preview/${id}/zh`)).status()).toBe(404);
});

test("pasting from Word or a web page keeps the structure and drops the styles", async ({ browser }) => {
  const editor = await signedInPage(browser, DEMO.editor);
  await editor.goto("/admin/releases/new");
  await editorReady(editor);
  const html =
    '<h2 style="color:red;font-family:SimSun">会议议程</h2>' +
    '<p class="MsoNormal" style="margin:0"><span style="font-size:18pt;color:#333">第一项</span> <b>重点</b> <i>说明</i></p>' +
    '<ul><li style="mso-list:l0">专利</li><li>商标</li></ul><blockquote><p>引文</p></blockquote>' +
    '<p><a href="javascript:alert(1)">坏链接</a> <a href="https://www.cnipa.gov.cn/">好链接</a></p>';
  await editor.getByRole("textbox", { name: "正文" }).evaluate((el, pasted) => {
    const data = new DataTransfer();
    data.setData("text/html", pasted);
    data.setData("text/plain", "fallback");
    el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, html);
  const body = editor.getByRole("textbox", { name: "正文" });
  await expect(body.locator("h2")).toHaveText("会议议程");
  await expect(body.locator("strong")).toHaveText("重点");
  await expect(body.locator("em")).toHaveText("说明");
  await expect(body.locator("ul > li")).toHaveCount(2);
  await expect(body.locator("blockquote")).toContainText("引文");
  await expect(body.locator("[style]")).toHaveCount(0);
  await expect(body.locator('a[href^="javascript"]')).toHaveCount(0);
  await expect(body.locator('a[href="https://www.cnipa.gov.cn/"]')).toHaveText("好链接");
});

test("what was typed survives a crash: the local draft is offered and restored", async ({ browser }) => {
  const editor = await signedInPage(browser, DEMO.editor);
  const id = await openRelease(editor, "国家知识产权局召开知识产权保护工作座谈会");
  await editorReady(editor);
  await editor.getByLabel("摘要").fill("崩溃前输入的摘要");
  await editor.getByRole("textbox", { name: "正文" }).click();
  await editor.keyboard.press("ControlOrMeta+End");
  await editor.keyboard.type("崩溃前输入的正文。");
  await editor.waitForTimeout(800); // the autosave is debounced
  // The tab dies without saving; a new one opens the release again.
  const tab = await editor.context().newPage();
  await editor.close({ runBeforeUnload: false });
  await tab.goto(`/admin/releases/${id}`);
  await editorReady(tab);
  await expect(tab.getByLabel("摘要")).not.toHaveValue("崩溃前输入的摘要");
  await tab.getByRole("button", { name: "恢复本地草稿" }).click();
  await expect(tab.getByLabel("摘要")).toHaveValue("崩溃前输入的摘要");
  await expect(tab.getByRole("textbox", { name: "正文" })).toContainText("崩溃前输入的正文。");
  await tab.getByRole("button", { name: "保存" }).click();
  await expect(tab.getByText("已保存。", { exact: true })).toBeVisible();
  await tab.reload();
  await editorReady(tab);
  await expect(tab.getByRole("button", { name: "恢复本地草稿" })).toHaveCount(0);
});
