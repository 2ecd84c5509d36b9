import { expect, test } from "@playwright/test";

const SAMPLE = "cnipa-kipo-video-conference";

test.describe("language redirect", () => {
  test("/ goes to /zh by default", async ({ request }) => {
    const res = await request.get("/", { maxRedirects: 0 });
    expect(res.status()).toBe(307);
    expect(res.headers()["location"]).toMatch(/\/zh$/);
  });

  test("/ goes to /en for an English browser", async ({ request }) => {
    const res = await request.get("/", { maxRedirects: 0, headers: { "Accept-Language": "en-GB,en;q=0.9" } });
    expect(res.headers()["location"]).toMatch(/\/en$/);
  });

  test("a Chinese browser lands on the Chinese home page", async ({ browser }) => {
    const context = await browser.newContext({ locale: "zh-CN" });
    const page = await context.newPage();
    await page.goto("/");
    await expect(page).toHaveURL(/\/zh$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await context.close();
  });
});

test("the home pages list published releases newest first, linking to articles", async ({ page }) => {
  await page.goto("/en");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  // Other tests may have published more releases by now: check the seeded ones and their order.
  const titles = await page.locator(".release-list h3 a").allTextContents();
  expect(titles.filter((t) => /^(China-EU IP|CNIPA Commissioner|CNIPA Introduces)/.test(t))).toEqual([
    "China-EU IP Working Group Holds Its 23rd Meeting",
    expect.stringMatching(/^CNIPA Commissioner Shen Changyu and KIPO/),
    "CNIPA Introduces Contactless Patent Services",
  ]);
  await page
    .locator(".release-list")
    .getByRole("link", { name: /CNIPA Commissioner Shen Changyu and KIPO/ })
    .click();
  await expect(page).toHaveURL(new RegExp(`/en/news/${SAMPLE}$`));
});

test("the English article says it is translated and links its Chinese original, and back", async ({ page }) => {
  await page.goto(`/en/news/${SAMPLE}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Video Conference on Jointly Coping");
  await expect(page.getByText("April 9, 2020")).toBeVisible();
  await expect(page.locator(".counterpart")).toContainText("translated from the Chinese version");
  await page.locator(".counterpart a").click();
  await expect(page).toHaveURL(new RegExp(`/zh/news/${SAMPLE}$`));
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("申长雨与韩国知识产权局局长朴原住举行视频会议");
  await expect(page.getByText("2020年4月9日")).toBeVisible();
  await page.getByRole("navigation").getByRole("link", { name: "English" }).click();
  await expect(page).toHaveURL(new RegExp(`/en/news/${SAMPLE}$`));
});

test("a published release whose Chinese was edited still shows the published text", async ({ page }) => {
  await page.goto("/zh/news/china-eu-ip-working-group");
  await expect(page.getByText("双方同意继续在工作组框架下加强对话与合作。")).toBeVisible();
  await expect(page.getByText("并商定于年内举行下一次会议")).toHaveCount(0);
});

test.describe("unpublished content is not public", () => {
  for (const path of [
    "/zh/news/ip-protection-symposium", // draft, no English
    "/zh/news/china-patent-survey-2019", // translated, not published
    "/en/news/china-patent-survey-2019",
    "/en/news/ip5-heads-meeting", // embargoed
    "/zh/news/ip5-heads-meeting",
    "/fr",
    "/fr/news/cnipa-kipo-video-conference",
  ]) {
    test(`${path} is 404`, async ({ request }) => {
      const res = await request.get(path);
      expect(res.status()).toBe(404);
      expect(await res.text()).not.toContain("第十届五局局长会议将以视频方式举行");
    });
  }

  test("drafts and embargoed releases are not listed", async ({ page }) => {
    await page.goto("/zh");
    await expect(page.locator(".release-list")).not.toContainText("座谈会");
    await expect(page.locator(".release-list")).not.toContainText("第十届五局局长会议");
    await expect(page.locator(".release-list")).not.toContainText("专利调查报告");
  });
});

test("health reports the database", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({ status: "ok", database: "ok" });
});
