import { expect, test, type APIRequestContext } from "@playwright/test";
import { DEMO, openRelease, runWorkflowButton, signedInPage } from "./support";

// The Traditional Chinese edition in the browser: the 简 / 繁 / EN switcher, a generated article,
// Accept-Language, the editors' fixes reaching cached pages, the preview before publishing, and
// withdraw removing the Traditional page with the others.

const SAMPLE = "cnipa-kipo-video-conference";
// OpenCC reads the surname 朴 (Park) as the word 朴 → 樸: a real case for the editors' fixes.
const SAMPLE_HANT = "申長雨與韓國知識產權局局長樸原住舉行視頻會議";
const SAMPLE_HANS = "申长雨与韩国知识产权局局长朴原住举行视频会议";
const SURVEY = "china-patent-survey-2019"; // seeded TRANSLATED, not public
const SURVEY_ZH = "国家知识产权局发布2019年中国专利调查报告";
const SURVEY_HANT = "國家知識產權局發佈2019年中國專利調查報告";

test("the switcher links the same article in 简, 繁 and EN; the Traditional page is converted", async ({ page }) => {
  await page.goto(`/zh/news/${SAMPLE}`);
  const sw = page.getByRole("navigation", { name: "切换语言" });
  const links = sw.getByRole("link");
  await expect(links).toHaveCount(3);
  await expect(links.nth(0)).toHaveAttribute("aria-current", "page");
  expect(await links.evaluateAll((as) => as.map((a) => [a.getAttribute("hreflang"), a.getAttribute("lang")]))).toEqual([
    ["zh-CN", "zh-CN"],
    ["zh-Hant", "zh-Hant"],
    ["en", "en"],
  ]);
  await sw.getByRole("link", { name: "繁體中文" }).click();
  await expect(page).toHaveURL(new RegExp(`/zh-Hant/news/${SAMPLE}$`));
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-Hant");
  await expect(page.locator("h1")).toContainText(SAMPLE_HANT);
  await expect(page.locator("main")).not.toContainText(SAMPLE_HANS);
  await expect(
    page.getByRole("navigation", { name: "切換語言" }).getByRole("link", { name: "繁體中文" }),
  ).toHaveAttribute("aria-current", "page");
  const hreflang = await page
    .locator('link[rel="alternate"][hreflang]')
    .evaluateAll((ls) => Object.fromEntries(ls.map((l) => [l.getAttribute("hreflang"), l.getAttribute("href")])));
  expect(hreflang["zh-Hant"]).toMatch(new RegExp(`/zh-Hant/news/${SAMPLE}$`));
  expect(hreflang["zh-CN"]).toMatch(new RegExp(`/zh/news/${SAMPLE}$`));
  await page.getByRole("navigation", { name: "切換語言" }).getByRole("link", { name: "English" }).click();
  await expect(page).toHaveURL(new RegExp(`/en/news/${SAMPLE}$`));
});

test("Traditional readers land on /zh-Hant; a Traditional query finds the Simplified text", async ({ request }) => {
  for (const lang of ["zh-TW,zh;q=0.9", "zh-HK", "zh-Hant"]) {
    const res = await request.get("/", { headers: { "Accept-Language": lang }, maxRedirects: 0 });
    expect(res.status(), lang).toBe(307);
    expect(res.headers().location, lang).toMatch(/\/zh-Hant$/);
  }
  const hant = await (await request.get(`/zh-Hant/search?q=${encodeURIComponent("韓國知識產權局")}`)).text();
  expect(hant).toContain(`/zh-Hant/news/${SAMPLE}`);
  const hans = await (await request.get(`/zh/search?q=${encodeURIComponent("韓國知識產權局")}`)).text();
  expect(hans).toContain(`/zh/news/${SAMPLE}`);
});

const title = async (request: APIRequestContext, path: string) =>
  /<h1>(.*?)<\/h1>/.exec(await (await request.get(path)).text())?.[1] ?? "";

test("an editor's fix reaches the cached Traditional page at once, and only it", async ({ browser, request }) => {
  const editor = await signedInPage(browser, DEMO.editor);
  expect(await title(request, `/zh-Hant/news/${SAMPLE}`)).toContain(SAMPLE_HANT); // cached now
  await editor.goto("/admin/hant");
  await editor.getByLabel("转换后的写法（繁体）").fill("樸原住");
  await editor.getByLabel("正确写法（繁体）").fill("朴原住");
  await editor.getByRole("button", { name: "添加修正" }).click();
  await expect(editor.getByText("已添加修正，繁体页面已更新。")).toBeVisible();
  try {
    expect(await title(request, `/zh-Hant/news/${SAMPLE}`)).toContain("申長雨與韓國知識產權局局長朴原住舉行");
    expect(await title(request, `/zh/news/${SAMPLE}`)).toContain(SAMPLE_HANS);
    expect(await (await request.get("/zh-Hant/feed.xml")).text()).toContain("局長朴原住");
    expect(await (await request.get("/api/v1/releases?locale=zh-Hant")).text()).toContain("局長朴原住");
  } finally {
    const remove = editor.getByRole("button", { name: "删除 樸原住" });
    await remove.click();
    await expect(remove).toHaveCount(0);
  }
  expect(await title(request, `/zh-Hant/news/${SAMPLE}`)).toContain(SAMPLE_HANT);
});

test("editors preview the Traditional page before publishing; withdraw removes it", async ({ browser, request }) => {
  test.setTimeout(60_000);
  const editor = await signedInPage(browser, DEMO.editor);
  await openRelease(editor, SURVEY_ZH);
  await editor.getByRole("link", { name: "预览繁体版" }).click();
  await expect(editor).toHaveURL(/\/preview\/[^/]+\/zh-Hant$/);
  await expect(editor.locator("html")).toHaveAttribute("lang", "zh-Hant");
  await expect(editor.locator("h1")).toHaveText(SURVEY_HANT);
  expect((await request.get(`/zh-Hant/news/${SURVEY}`)).status()).toBe(404);
  await editor.goBack();
  try {
    await runWorkflowButton(editor, "发布", "已发布。");
    await expect.poll(() => title(request, `/zh-Hant/news/${SURVEY}`)).toBe(SURVEY_HANT);
    expect(await (await request.get("/zh-Hant/news")).text()).toContain(SURVEY_HANT);
    await runWorkflowButton(editor, "撤回", "已撤回，稿件回到草稿状态。");
    expect((await request.get(`/zh-Hant/news/${SURVEY}`)).status()).toBe(404); // the very next request
    expect(await (await request.get("/zh-Hant/news")).text()).not.toContain(SURVEY_HANT);
    expect(await (await request.get("/zh-Hant/feed.xml")).text()).not.toContain(SURVEY);
  } finally {
    await editor.reload();
    if (await editor.getByRole("button", { name: "撤回", exact: true }).isEnabled()) {
      await runWorkflowButton(editor, "撤回", "已撤回，稿件回到草稿状态。");
    }
    if (await editor.getByRole("button", { name: "标记为已翻译", exact: true }).isEnabled()) {
      await runWorkflowButton(editor, "标记为已翻译", "已标记为已翻译。");
    }
  }
});
