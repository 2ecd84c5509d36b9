import { expect, test, type APIResponse, type Page } from "@playwright/test";
import { sitemapShards } from "./support";

// Feeds, sitemap, robots and the public JSON API, parsed as a client would.

async function parseXml(page: Page, xml: string) {
  await page.goto("/api/health"); // any same-origin page: DOMParser runs in it
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, "application/xml");
    const error = doc.querySelector("parsererror")?.textContent ?? null;
    const all = (sel: string) => [...doc.getElementsByTagName(sel)];
    return {
      error,
      root: doc.documentElement.nodeName,
      count: (tag: string) => all(tag).length,
      items: all("item").map((item) => ({
        title: item.getElementsByTagName("title")[0]?.textContent,
        link: item.getElementsByTagName("link")[0]?.textContent,
        guid: item.getElementsByTagName("guid")[0]?.textContent,
        pubDate: item.getElementsByTagName("pubDate")[0]?.textContent,
        content: item.getElementsByTagNameNS("http://purl.org/rss/1.0/modules/content/", "encoded")[0]?.textContent,
      })),
      entries: all("entry").map((e) => ({
        id: e.getElementsByTagName("id")[0]?.textContent,
        updated: e.getElementsByTagName("updated")[0]?.textContent,
        content: e.getElementsByTagName("content")[0]?.textContent,
        link: e.getElementsByTagName("link")[0]?.getAttribute("href"),
      })),
      urls: all("url").map((u) => ({
        loc: u.getElementsByTagName("loc")[0]?.textContent,
        alternates: [...u.getElementsByTagNameNS("http://www.w3.org/1999/xhtml", "link")].map((l) =>
          l.getAttribute("hreflang"),
        ),
      })),
      hasChannel: all("channel").length === 1,
    };
  }, xml);
}

for (const locale of ["zh", "en"] as const) {
  test(`${locale} RSS is well-formed RSS 2.0 with full content of public releases only`, async ({ page, request }) => {
    const res = await request.get(`/${locale}/feed.xml`);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toContain("application/rss+xml");
    const feed = await parseXml(page, await res.text());
    expect(feed.error).toBeNull();
    expect(feed.root).toBe("rss");
    expect(feed.hasChannel).toBe(true);
    expect(feed.items.length).toBeGreaterThanOrEqual(3); // other tests may publish more
    for (const item of feed.items) {
      expect(item.title).toBeTruthy();
      expect(item.link).toMatch(new RegExp(`/${locale}/news/`));
      expect(item.guid).toBeTruthy();
      expect(new Date(item.pubDate!).getTime()).toBeLessThan(Date.now());
      expect(item.content).toContain("<p>");
      expect(item.content).not.toMatch(/<script/i);
    }
    expect(feed.items.map((i) => i.link).join()).not.toContain("ip5-heads-meeting");
  });

  test(`${locale} Atom is well-formed with entries carrying id, updated and content`, async ({ page, request }) => {
    const res = await request.get(`/${locale}/atom.xml`);
    expect(res.headers()["content-type"]).toContain("application/atom+xml");
    const feed = await parseXml(page, await res.text());
    expect(feed.error).toBeNull();
    expect(feed.root).toBe("feed");
    expect(feed.entries.length).toBeGreaterThanOrEqual(3);
    for (const e of feed.entries) {
      expect(e.id).toBeTruthy();
      expect(Number.isNaN(Date.parse(e.updated!))).toBe(false);
      expect(e.content).toContain("<p>");
      expect(e.link).toMatch(new RegExp(`/${locale}/news/`));
    }
  });
}

test("feeds answer 304 to a matching If-None-Match", async ({ request }) => {
  const first = await request.get("/en/feed.xml");
  const etag = first.headers()["etag"]!;
  expect(etag).toBeTruthy();
  const again = await request.get("/en/feed.xml", { headers: { "If-None-Match": etag } });
  expect(again.status()).toBe(304);
});

test("the sitemap index lists shards; they list public pages with language alternates, never unpublished ones", async ({
  page,
  request,
}) => {
  const { index, shards } = await sitemapShards(request);
  const map = await parseXml(page, index);
  expect(map.error).toBeNull();
  expect(map.root).toBe("sitemapindex");
  expect([...shards.keys()]).toContain("/sitemaps/pages.xml");
  expect([...shards.keys()]).toContain("/sitemaps/en-2020.xml");
  const urls = [];
  for (const [path, xml] of shards) {
    const shard = await parseXml(page, xml);
    expect(shard.error, path).toBeNull();
    expect(shard.root, path).toBe("urlset");
    urls.push(...shard.urls);
  }
  const locs = urls.map((u) => u.loc!);
  for (const path of [
    "/zh",
    "/zh-Hant",
    "/zh-Hant/archive/2020/04",
    "/zh-Hant/news/cnipa-kipo-video-conference",
    "/en/news",
    "/zh/category/press-releases",
    "/en/archive/2020/04",
    "/en/news/cnipa-kipo-video-conference",
  ]) {
    expect(
      locs.some((l) => l.endsWith(path)),
      path,
    ).toBe(true);
  }
  expect(new Set(locs).size).toBe(locs.length);
  expect(locs.join()).not.toMatch(/ip5-heads-meeting|china-patent-survey-2019|ip-protection-symposium/);
  const article = urls.find((u) => u.loc!.endsWith("/en/news/cnipa-kipo-video-conference"))!;
  expect(article.alternates.sort()).toEqual(["en", "zh-CN", "zh-Hant"]);
  expect((await request.get("/sitemaps/zh-1999.xml")).status()).toBe(404);
  expect((await request.get("/sitemaps/..%2Fetc.xml")).status()).toBe(404);
});

test("robots.txt keeps crawlers out of admin and private API and names the sitemap", async ({ request }) => {
  const text = await (await request.get("/robots.txt")).text();
  expect(text).toContain("Disallow: /admin");
  expect(text).toContain("Allow: /api/v1/");
  expect(text).toMatch(/Sitemap: http.*\/sitemap\.xml/);
});

test.describe("public JSON API", () => {
  test("lists public releases with both language URLs, ETag and 304", async ({ request }) => {
    const res = await request.get("/api/v1/releases?locale=en");
    expect(res.status()).toBe(200);
    expect(res.headers()["cache-control"]).toContain("must-revalidate");
    const body = await res.json();
    expect(body.meta).toMatchObject({ locale: "en", page: 1 });
    expect(body.meta.total).toBeGreaterThanOrEqual(3);
    const sample = body.data.find((d: { url: string }) => d.url.endsWith("/en/news/cnipa-kipo-video-conference"));
    expect(sample.urls.zh).toMatch(/\/zh\/news\/cnipa-kipo-video-conference$/);
    expect(JSON.stringify(body)).not.toContain("ip5-heads-meeting");
    const etag = res.headers()["etag"]!;
    expect((await request.get("/api/v1/releases?locale=en", { headers: { "If-None-Match": etag } })).status()).toBe(
      304,
    );

    const one = await request.get(`/api/v1/releases/${sample.id}?locale=zh`);
    expect(one.status()).toBe(200);
    const detail = (await one.json()).data;
    expect(detail.title).toContain("申长雨");
    expect(detail.bodyHtml).toMatch(/^<p>/);
    expect(detail.urls.en).toMatch(/\/en\/news\/cnipa-kipo-video-conference$/);
  });

  test("filters by category", async ({ request }) => {
    const body = await (await request.get("/api/v1/releases?locale=zh&category=international-cooperation")).json();
    const slugs = body.data.map((d: { url: string }) => d.url.split("/").pop());
    expect(slugs).toEqual(expect.arrayContaining(["china-eu-ip-working-group", "cnipa-kipo-video-conference"]));
    expect(slugs).not.toContain("online-patent-services");
    expect((await request.get("/api/v1/releases?category=nope")).status()).toBe(404);
  });

  test("cursor pages: links.next walks every release once, in a stable order, with ETag and 304", async ({
    request,
  }) => {
    const all = (await (await request.get("/api/v1/releases?locale=zh&limit=100")).json()).data.map(
      (d: { id: string }) => d.id,
    );
    expect(all.length).toBeGreaterThanOrEqual(3);
    const seen: string[] = [];
    let url: string | null = "/api/v1/releases?locale=zh&limit=1";
    while (url) {
      const res: APIResponse = await request.get(url);
      expect(res.status(), url).toBe(200);
      const body: { data: { id: string }[]; meta: object; links: { next: string | null } } = await res.json();
      expect(body.data.length, url).toBe(1);
      expect(body.meta).toMatchObject({ locale: "zh", limit: 1, total: all.length });
      seen.push(body.data[0]!.id);
      const etag = res.headers()["etag"]!;
      expect((await request.get(url, { headers: { "If-None-Match": etag } })).status()).toBe(304);
      url = body.links.next && new URL(body.links.next).pathname + new URL(body.links.next).search;
      expect(seen.length).toBeLessThanOrEqual(all.length);
    }
    expect(seen).toEqual(all);
  });

  for (const [query, message] of [
    ["limit=101", "limit must be at most 100"],
    ["limit=0", "limit must be a positive integer"],
    ["cursor=nope!", "cursor is malformed"],
    ["cursor=MTIzNA", "cursor is malformed"],
    ["page=2&cursor=MTU4NjM5MDQwMDAwMC54", "page and cursor cannot be combined"],
  ]) {
    test(`?${query} is a 400 saying why`, async ({ request }) => {
      const res = await request.get(`/api/v1/releases?${query}`);
      expect(res.status()).toBe(400);
      const { error } = await res.json();
      expect(error.code).toBe("bad_request");
      expect(error.message).toContain(message);
    });
  }

  for (const query of [
    "locale=fr",
    "page=0",
    "page=abc",
    "page=-1",
    "foo=1",
    "locale=zh&locale=en",
    "category=%3Cscript%3E",
  ]) {
    test(`?${query} is a 400 with a JSON error`, async ({ request }) => {
      const res = await request.get(`/api/v1/releases?${query}`);
      expect(res.status()).toBe(400);
      expect((await res.json()).error.code).toBe("bad_request");
    });
  }

  test("unknown and page-past-the-end are 404 with a JSON error", async ({ request }) => {
    for (const path of ["/api/v1/releases/nope", "/api/v1/releases?page=99"]) {
      const res = await request.get(path);
      expect(res.status()).toBe(404);
      expect((await res.json()).error).toMatchObject({ code: "not_found" });
    }
  });
});
