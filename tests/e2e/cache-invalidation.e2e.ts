import { expect, test, type APIRequestContext } from "@playwright/test";

// Cached public pages follow the data: publish → visible within a second, withdraw → gone at once,
// an embargo's end → appears without anyone touching the release. Runs workflow commands through
// /api/test-hooks (the same write + revalidatePublicContent() as the admin actions).

const SLUG = "china-patent-survey-2019"; // seeded TRANSLATED, not public
const TITLE = "2019年中国专利调查报告";

async function hook(request: APIRequestContext, data: { action: string; slug: string; at?: string }) {
  const res = await request.post("/api/test-hooks", { data });
  expect(res.status(), await res.text()).toBe(200);
}

const visible = async (request: APIRequestContext) => {
  const [list, article] = await Promise.all([request.get("/zh/news"), request.get(`/zh/news/${SLUG}`)]);
  return { listed: (await list.text()).includes(TITLE), article: article.status() };
};

test("publish, withdraw and embargo invalidate the cached pages", async ({ request }) => {
  test.setTimeout(40_000);
  // Warm the caches so that we really test invalidation, not a first render.
  expect(await visible(request)).toEqual({ listed: false, article: 404 });
  expect(await visible(request)).toEqual({ listed: false, article: 404 });
  try {
    await hook(request, { action: "publish", slug: SLUG });
    const started = Date.now();
    await expect.poll(() => visible(request), { timeout: 1_000, intervals: [50] }).toEqual({ listed: true, article: 200 });
    expect(Date.now() - started).toBeLessThan(1_000);
    expect((await request.get("/en/feed.xml").then((r) => r.text())).includes(SLUG)).toBe(true);

    await hook(request, { action: "withdraw", slug: SLUG });
    expect(await visible(request)).toEqual({ listed: false, article: 404 }); // the very next request
    expect((await request.get("/en/feed.xml").then((r) => r.text())).includes(SLUG)).toBe(false);

    await hook(request, { action: "markTranslated", slug: SLUG });
    const at = new Date(Date.now() + 4_000);
    await hook(request, { action: "publish", slug: SLUG, at: at.toISOString() });
    for (let i = 0; i < 3; i++) expect(await visible(request)).toEqual({ listed: false, article: 404 });
    const api = await request.get("/api/v1/releases?locale=zh");
    expect(JSON.stringify(await api.json())).not.toContain(SLUG);
    await expect
      .poll(() => visible(request), { timeout: 8_000, intervals: [250] })
      .toEqual({ listed: true, article: 200 });
    // At most one request after the embargo may see the old page (stale-while-revalidate).
    expect(Date.now() - at.getTime()).toBeLessThan(3_000);
  } finally {
    // Leave the release as seeded (TRANSLATED, not public) for the other tests.
    const res = await request.post("/api/test-hooks", { data: { action: "withdraw", slug: SLUG } });
    if (res.ok()) await hook(request, { action: "markTranslated", slug: SLUG });
  }
  expect(await visible(request)).toEqual({ listed: false, article: 404 });
});
