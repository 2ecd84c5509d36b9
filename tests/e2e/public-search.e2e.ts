import { expect, test } from "@playwright/test";

// Public search: published content only, Chinese by characters, English by words, hostile input safe.

test("Chinese search finds published releases by any characters, with highlights", async ({ page }) => {
  await page.goto("/zh/search");
  await page.getByLabel("搜索新闻稿").fill("专利信息");
  await page.getByRole("button", { name: "搜索" }).click();
  await expect(page).toHaveURL(/\/zh\/search\?q=/);
  await expect(page.getByRole("status")).toContainText("共找到");
  const first = page.locator(".search-results li").first();
  await expect(first.locator("mark").first()).toHaveText("专利信息");
  await first.getByRole("link").click();
  await expect(page).toHaveURL(/\/zh\/news\//);
});

test("English search matches plurals and links the same query in both Chinese editions", async ({ page }) => {
  await page.goto("/en/search?q=conferences");
  await expect(page.locator(".search-results")).toContainText("Video Conference");
  const sw = page.getByRole("navigation", { name: "Change language" });
  await expect(sw.getByRole("link", { name: "简体中文" })).toHaveAttribute("href", "/zh/search?q=conferences");
  await expect(sw.getByRole("link", { name: "繁體中文" })).toHaveAttribute("href", "/zh-Hant/search?q=conferences");
});

test("drafts, translated-unpublished and embargoed releases are not found", async ({ request }) => {
  for (const q of ["座谈会", "专利调查报告", "第十届五局局长会议", "Survey Report", "IP5 Heads of Office Meeting"]) {
    for (const locale of ["zh", "en"]) {
      const html = await (await request.get(`/${locale}/search?q=${encodeURIComponent(q)}`)).text();
      expect(html, `${locale} ${q}`).not.toMatch(/ip-protection-symposium|china-patent-survey-2019|ip5-heads-meeting/);
    }
  }
});

test("hostile queries answer 200 with a clear message", async ({ request }) => {
  for (const q of ['"', "*", "NEAR", ":", "()", "-", "x".repeat(5000), "%", "<script>alert(1)</script>", "\u0000"]) {
    const res = await request.get(`/zh/search?q=${encodeURIComponent(q)}`);
    expect(res.status(), q.slice(0, 20)).toBe(200);
    const html = await res.text();
    expect(html).not.toContain("<script>alert(1)</script>");
  }
});
