import { expect, test, type APIRequestContext } from "@playwright/test";
import { DEMO, openRelease, runWorkflowButton, signedInPage } from "./support";

// Cached public pages follow the data: publish → visible within a second, withdraw → gone at once,
// an embargo's end → appears without anyone touching the release. Every change goes through the
// real admin UI and server actions, as an editor would make it.

const SLUG = "china-patent-survey-2019"; // seeded TRANSLATED, not public
const ZH_TITLE = "国家知识产权局发布2019年中国专利调查报告";
const TITLE = "2019年中国专利调查报告";

const visible = async (request: APIRequestContext) => {
  const [list, article, search] = await Promise.all([
    request.get("/zh/news"),
    request.get(`/zh/news/${SLUG}`),
    request.get(`/zh/search?q=${encodeURIComponent("专利调查")}`), // kept by the front server too
  ]);
  return {
    listed: (await list.text()).includes(TITLE),
    article: article.status(),
    searched: (await search.text()).includes(`href="/zh/news/${SLUG}"`),
  };
};

test("publish, withdraw and embargo invalidate the cached pages", async ({ request, browser }) => {
  test.setTimeout(60_000);
  const editor = await signedInPage(browser, DEMO.editor);
  await openRelease(editor, ZH_TITLE);
  // Warm the caches so that we really test invalidation, not a first render (the search page too).
  expect(await visible(request)).toEqual({ listed: false, article: 404, searched: false });
  expect(await visible(request)).toEqual({ listed: false, article: 404, searched: false });
  const searchAgain = await request.get(`/zh/search?q=${encodeURIComponent("专利调查")}`);
  expect(searchAgain.headers()["x-cache"]).toBe("HIT");
  try {
    await runWorkflowButton(editor, "发布", "已发布。");
    const started = Date.now();
    await expect
      .poll(() => visible(request), { timeout: 1_000, intervals: [50] })
      .toEqual({ listed: true, article: 200, searched: true });
    expect(Date.now() - started).toBeLessThan(1_000);
    expect((await request.get("/en/feed.xml").then((r) => r.text())).includes(SLUG)).toBe(true);

    await runWorkflowButton(editor, "撤回", "已撤回，稿件回到草稿状态。");
    expect(await visible(request)).toEqual({ listed: false, article: 404, searched: false }); // the very next request
    expect((await request.get("/en/feed.xml").then((r) => r.text())).includes(SLUG)).toBe(false);

    await runWorkflowButton(editor, "标记为已翻译", "已标记为已翻译。");
    const at = new Date(Date.now() + 6_000);
    await runWorkflowButton(editor, "发布", "已定时发布。", at);
    for (let i = 0; i < 3; i++)
      expect(await visible(request)).toEqual({ listed: false, article: 404, searched: false });
    const api = await request.get("/api/v1/releases?locale=zh");
    expect(JSON.stringify(await api.json())).not.toContain(SLUG);
    await expect
      .poll(() => visible(request), { timeout: 10_000, intervals: [250] })
      .toEqual({ listed: true, article: 200, searched: true });
    // At most one request after the embargo may see the old page (stale-while-revalidate).
    expect(Date.now() - at.getTime()).toBeLessThan(3_000);
  } finally {
    // Leave the release as seeded (TRANSLATED, not public) for the other tests.
    await editor.reload();
    if (await editor.getByRole("button", { name: "撤回", exact: true }).isEnabled()) {
      await runWorkflowButton(editor, "撤回", "已撤回，稿件回到草稿状态。");
      await runWorkflowButton(editor, "标记为已翻译", "已标记为已翻译。");
    }
  }
  expect(await visible(request)).toEqual({ listed: false, article: 404, searched: false });
});
