import { expect, test, type Page } from "@playwright/test";

// Every public page type in both languages: counterpart links, hreflang/canonical, one h1, 404s.

const SAMPLE = "cnipa-kipo-video-conference";
const PAGES: { path: string; other: string }[] = [
  { path: "/zh", other: "/en" },
  { path: "/en", other: "/zh" },
  { path: "/zh/news", other: "/en/news" },
  { path: "/en/news", other: "/zh/news" },
  { path: "/zh/category/international-cooperation", other: "/en/category/international-cooperation" },
  { path: "/en/category/press-releases", other: "/zh/category/press-releases" },
  { path: "/zh/archive", other: "/en/archive" },
  { path: "/en/archive/2020/04", other: "/zh/archive/2020/04" },
  { path: `/zh/news/${SAMPLE}`, other: `/en/news/${SAMPLE}` },
  { path: `/en/news/${SAMPLE}`, other: `/zh/news/${SAMPLE}` },
  { path: "/zh/search", other: "/en/search" },
];

async function structure(page: Page) {
  return page.evaluate(() => ({
    h1: document.querySelectorAll("h1").length,
    main: document.querySelectorAll("main").length,
    nestedMain: document.querySelectorAll("main main").length,
    header: document.querySelectorAll("body > header").length,
    footer: document.querySelectorAll("body > footer").length,
    canonical: document.querySelector('link[rel="canonical"]')?.getAttribute("href"),
    hreflang: Object.fromEntries(
      [...document.querySelectorAll('link[rel="alternate"][hreflang]')].map((l) => [
        l.getAttribute("hreflang"),
        l.getAttribute("href"),
      ]),
    ),
    ogTitle: document.querySelector('meta[property="og:title"]')?.getAttribute("content"),
    twitter: document.querySelector('meta[name="twitter:card"]')?.getAttribute("content"),
  }));
}

for (const { path, other } of PAGES) {
  test(`${path}: landmarks, counterpart link, canonical and hreflang`, async ({ page, baseURL }) => {
    const res = await page.goto(path);
    expect(res?.status()).toBe(200);
    const lang = path.startsWith("/en") ? "en" : "zh-CN";
    await expect(page.locator("html")).toHaveAttribute("lang", lang);
    const s = await structure(page);
    expect(s).toMatchObject({ h1: 1, main: 1, nestedMain: 0, header: 1, footer: 1, twitter: "summary" });
    expect(s.ogTitle).toBeTruthy();
    const site = new URL(baseURL!).origin.replace("127.0.0.1", "localhost");
    expect(s.canonical).toMatch(new RegExp(`${path.replace(/\//g, "\\/")}$`));
    const zhPath = path.startsWith("/zh") ? path : other;
    const enPath = path.startsWith("/en") ? path : other;
    expect(s.hreflang["zh-CN"]).toMatch(new RegExp(`${zhPath}$`));
    expect(s.hreflang["en"]).toMatch(new RegExp(`${enPath}$`));
    expect(s.hreflang["x-default"]).toMatch(new RegExp(`${zhPath}$`));
    expect(s.hreflang["zh-Hant"]).toMatch(new RegExp(`${zhPath.replace(/^\/zh/, "/zh-Hant")}$`));
    expect(s.canonical!.startsWith("http")).toBe(true);
    void site;
    await page.locator(`.language-switch a[hreflang="${other.startsWith("/en") ? "en" : "zh-CN"}"]`).click();
    await expect(page).toHaveURL(new RegExp(`${other}$`));
  });
}

test("home shows featured and latest releases with localized dates", async ({ page }) => {
  await page.goto("/zh");
  await expect(page.locator(".featured-list h3 a")).toHaveText([
    "申长雨与韩国知识产权局局长朴原住举行视频会议 就共同应对新冠肺炎疫情、加强专利信息服务合作交换意见",
  ]);
  const item = (name: RegExp) => page.locator(".release-list li").filter({ has: page.getByRole("link", { name }) });
  await expect(item(/中欧知识产权工作组/).locator("time")).toHaveText("2020年5月12日");
  await page.goto("/en");
  await expect(item(/China-EU IP Working Group/).locator("time")).toHaveText("May 12, 2020");
});

test("the English article carries NewsArticle JSON-LD that parses", async ({ page }) => {
  await page.goto(`/en/news/${SAMPLE}`);
  const data = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
  expect(data).toMatchObject({ "@type": "NewsArticle", inLanguage: "en", datePublished: "2020-04-09T02:00:00.000Z" });
  expect(data.headline).toContain("Video Conference");
});

test("category and archive pages list the right releases and link their articles", async ({ page }) => {
  await page.goto("/en/category/international-cooperation");
  const links = page.locator(".release-list h2 a");
  await expect(links.filter({ hasText: "China-EU IP Working Group" })).toHaveCount(1);
  await expect(links.filter({ hasText: "Contactless" })).toHaveCount(0); // another category
  await page.goto("/zh/archive");
  await expect(page.getByRole("link", { name: "2020年4月" })).toBeVisible();
  await page.getByRole("link", { name: "2020年4月" }).click();
  await expect(page).toHaveURL(/\/zh\/archive\/2020\/04$/);
  await expect(page.locator(".release-list h2 a")).toHaveText([/申长雨/]);
});

test("/news/page/1 redirects to /news", async ({ request }) => {
  const res = await request.get("/en/news/page/1", { maxRedirects: 0 });
  expect(res.status()).toBe(308);
  expect(res.headers()["location"]).toMatch(/\/en\/news$/);
});

test.describe("bad URLs are 404, not errors", () => {
  for (const path of [
    "/zh/news/page/0",
    "/zh/news/page/-1",
    "/en/news/page/abc",
    "/en/news/page/99999",
    "/en/news/page/2",
    "/zh/category/no-such-category",
    "/zh/category/press-releases/page/2",
    "/en/archive/2020/13",
    "/en/archive/2020/4",
    "/en/archive/abcd/01",
    "/en/archive/2019/01",
    "/zh/no/such/page",
    "/api/v1/releases/no-such-id",
  ]) {
    test(path, async ({ request }) => {
      expect((await request.get(path)).status()).toBe(404);
    });
  }
});

test("a 404 inside a locale is in that language", async ({ page }) => {
  await page.goto("/en/news/no-such-article");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});

test("the layout works on a 360 px phone without horizontal scrolling", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  for (const path of ["/zh", `/en/news/${SAMPLE}`, "/en/news"]) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
  await context.close();
});

test("keyboard: the skip link is the first stop and moves focus to main", async ({ page }) => {
  await page.goto("/en/news");
  await page.keyboard.press("Tab");
  const skip = page.locator(".skip-link");
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main$/);
  const outline = await page.evaluate(() => {
    const link = document.querySelector(".site-nav a") as HTMLElement;
    link.focus();
    return getComputedStyle(link).outlineStyle;
  });
  expect(outline).not.toBe("none");
});
