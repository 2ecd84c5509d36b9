import { expect, test, type APIRequestContext } from "@playwright/test";
import { monthKeyOf } from "../../src/domain/public/calendar";
import { DEMO, openRelease, runWorkflowButton, signedInPage } from "./support";

// A publish or withdraw purges only the pages that show the release (docs/CACHING.md
// "Invalidation"): every one of them is rendered again at once, and a page about something else
// (an old article of another month and category, its month, its category, its year's sitemap)
// is still answered from the server's response cache (X-Cache: HIT). Through the admin UI.

const SLUG = "china-patent-survey-2019"; // seeded TRANSLATED (category press-releases), not public
const ZH_TITLE = "国家知识产权局发布2019年中国专利调查报告";
const [YEAR, MONTH] = monthKeyOf(new Date(), "Asia/Shanghai").split("-") as [string, string]; // published now

const UNRELATED = [
  "/zh/news/cnipa-kipo-video-conference", // April 2020, international-cooperation
  "/en/news/cnipa-kipo-video-conference",
  "/zh/archive/2020/04",
  "/en/category/international-cooperation",
  "/sitemaps/zh-2020.xml",
];
/**
 * Each page that shows the release once it is published, and its text that says so (null: counts
 * or months, which other tests' releases of this month may show too).
 */
const SHOWING: [string, string | null][] = [
  ["/zh", SLUG],
  ["/en", SLUG],
  ["/zh/news", SLUG],
  ["/en/news", SLUG],
  [`/zh/news/${SLUG}`, ZH_TITLE],
  [`/en/news/${SLUG}`, SLUG],
  ["/zh/archive", null],
  [`/zh/archive/${YEAR}/${MONTH}`, SLUG],
  ["/zh/category/press-releases", SLUG],
  ["/zh/feed.xml", SLUG],
  ["/en/atom.xml", SLUG],
  ["/api/v1/releases?locale=zh", SLUG],
  ["/sitemap.xml", null],
  ["/sitemaps/pages.xml", null],
  [`/sitemaps/en-${YEAR}.xml`, SLUG],
];
const ALL = [...UNRELATED, ...SHOWING.map(([url]) => url)];

const cacheState = async (request: APIRequestContext, url: string) =>
  (await request.get(url, { maxRedirects: 0 })).headers()["x-cache"];

/** Every URL answered from the response cache (a page Next serves from its own cache is stored once the embargo horizon is known: the API reads it). */
async function warm(request: APIRequestContext) {
  await expect
    .poll(
      async () => {
        await request.get("/api/v1/releases?locale=en");
        const states = await Promise.all(ALL.map(async (url) => [url, await cacheState(request, url)]));
        return states.filter(([, s]) => s !== "HIT");
      },
      { timeout: 15_000, intervals: [100] },
    )
    .toEqual([]);
}

async function expectOnlyShowingPurged(request: APIRequestContext, published: boolean) {
  for (const url of UNRELATED) expect(await cacheState(request, url), `${url} kept`).toBe("HIT");
  for (const [url, shows] of SHOWING) {
    const res = await request.get(url, { maxRedirects: 0 });
    expect(res.headers()["x-cache"], `${url} rendered again`).toBe("MISS");
    if (shows === null) continue;
    const found = res.status() === 200 && (await res.text()).includes(shows);
    expect(found, `${url} ${published ? "shows" : "no longer shows"} the release`).toBe(published);
  }
}

test("publish and withdraw purge the pages that show the release, and only those", async ({ request, browser }) => {
  test.setTimeout(90_000);
  const editor = await signedInPage(browser, DEMO.editor);
  await openRelease(editor, ZH_TITLE);
  try {
    await warm(request);
    await runWorkflowButton(editor, "发布", "已发布。");
    await expectOnlyShowingPurged(request, true);

    await warm(request);
    await runWorkflowButton(editor, "撤回", "已撤回，稿件回到草稿状态。");
    await expectOnlyShowingPurged(request, false);
    await runWorkflowButton(editor, "标记为已翻译", "已标记为已翻译。");
  } finally {
    // Leave the release as seeded (TRANSLATED, not public) for the other tests.
    await editor.reload();
    if (await editor.getByRole("button", { name: "撤回", exact: true }).isEnabled()) {
      await runWorkflowButton(editor, "撤回", "已撤回，稿件回到草稿状态。");
      await runWorkflowButton(editor, "标记为已翻译", "已标记为已翻译。");
    }
  }
});
