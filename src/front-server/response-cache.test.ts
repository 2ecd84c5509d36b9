import { describe, expect, test } from "vitest";
import { freshUntil, type FreshnessFacts } from "./freshness";
import { ResponseCache, type CacheEntry } from "./response-cache";
import { cacheKey, cacheableKey, hasSessionCookie, isPublicPagePath, isPublicPath } from "./routes";
import { storedResponse } from "./stored-response";

const NOW = 1_000_000;
const base: FreshnessFacts = {
  status: 200,
  cacheControl: "s-maxage=3600, stale-while-revalidate=100",
  nextCache: "MISS",
  setsCookie: false,
  horizon: undefined,
  embargoJustEnded: false,
  now: NOW,
};

describe("freshUntil", () => {
  test.each<[string, Partial<FreshnessFacts>, number | null]>([
    ["a fresh render lives for its s-maxage", {}, NOW + 3_600_000],
    ["404s are cached too", { status: 404 }, NOW + 3_600_000],
    ["capped at the next embargo end", { horizon: NOW + 5_000 }, NOW + 5_000],
    ["no embargo (Infinity) changes nothing", { horizon: Infinity }, NOW + 3_600_000],
    ["a HIT of unknown age needs a known horizon", { nextCache: "HIT" }, null],
    ["a HIT with a known horizon", { nextCache: "HIT", horizon: NOW + 10_000 }, NOW + 10_000],
    [
      "a HIT just after an embargo ended may be a page from before it",
      { nextCache: "HIT", horizon: Infinity, embargoJustEnded: true },
      null,
    ],
    [
      "a fresh render just after an embargo ended is fine",
      { horizon: Infinity, embargoJustEnded: true },
      NOW + 3_600_000,
    ],
    ["STALE is never stored", { nextCache: "STALE", horizon: Infinity }, null],
    ["private", { cacheControl: "private, no-cache, no-store, max-age=0, must-revalidate" }, null],
    ["no-store", { cacheControl: "no-store" }, null],
    ["Set-Cookie", { setsCookie: true }, null],
    ["500", { status: 500 }, null],
    ["redirects", { status: 308 }, null],
    [
      "route handlers (no s-maxage) get the default lifetime",
      { cacheControl: "public, max-age=0, must-revalidate", nextCache: undefined },
      NOW + 3_600_000,
    ],
    [
      "… capped by the embargo they read",
      { cacheControl: "public, max-age=0, must-revalidate", nextCache: undefined, horizon: NOW + 1 },
      NOW + 1,
    ],
    ["an embargo already past: not stored", { horizon: NOW }, null],
    ...(() => {
      const dynamic = { cacheControl: "private, no-cache, no-store, max-age=0, must-revalidate", nextCache: undefined };
      return [
        [
          "a dynamic page the app allowed (search): an hour, despite no-store",
          { ...dynamic, appStorable: true, horizon: Infinity },
          NOW + 3_600_000,
        ],
        ["… capped at its horizon", { ...dynamic, appStorable: true, horizon: NOW + 5_000 }, NOW + 5_000],
        ["… never without a horizon", { ...dynamic, appStorable: true }, null],
        ["… never Next's cached copy", { ...dynamic, appStorable: true, horizon: Infinity, nextCache: "HIT" }, null],
        ["… never with Set-Cookie", { ...dynamic, appStorable: true, horizon: Infinity, setsCookie: true }, null],
        ["… never a 500", { ...dynamic, appStorable: true, horizon: Infinity, status: 500 }, null],
      ] satisfies [string, Partial<FreshnessFacts>, number | null][];
    })(),
  ])("%s", (_name, change, expected) => {
    expect(freshUntil({ ...base, ...change })).toBe(expected);
  });
});

const entry = (n: number, tags: string[] = []): CacheEntry => ({
  response: storedResponse(
    { status: 200, headers: [["content-type", "text/html"]], body: Buffer.alloc(n), etag: undefined },
    { gzip: false },
  ),
  expiresAt: NOW + 1,
  tags: new Set(tags),
});

describe("ResponseCache", () => {
  test("evicts least recently used entries beyond its byte budget", () => {
    const cache = new ResponseCache({ maxBytes: 5_000, maxEntryBytes: 5_000 });
    cache.set("/a", entry(1_500));
    cache.set("/b", entry(1_500));
    cache.get("/a"); // /b is now the least recently used
    cache.set("/c", entry(1_500));
    expect([cache.get("/a"), cache.get("/b"), cache.get("/c")].map(Boolean)).toEqual([true, false, true]);
    expect(cache.bytes).toBeLessThanOrEqual(5_000);
  });

  test("refuses entries too large for it", () => {
    const cache = new ResponseCache({ maxBytes: 10_000, maxEntryBytes: 1_000 });
    expect(cache.set("/big", entry(2_000))).toBe(false);
    expect(cache.size).toBe(0);
  });

  test("a flood of made-up query strings takes at most its share: the pages without one stay", () => {
    const cache = new ResponseCache({ maxBytes: 20_000, maxEntryBytes: 5_000, maxQueryBytes: 5_000 });
    for (const path of ["/zh", "/zh/news", "/zh/news/a", "/en/news/a"]) cache.set(path, entry(1_500));
    for (let i = 0; i < 1_000; i++) cache.set(`/zh/search?q=${i}`, entry(1_500));
    expect(["/zh", "/zh/news", "/zh/news/a", "/en/news/a"].every((p) => cache.get(p))).toBe(true);
    expect(cache.queryBytes).toBeLessThanOrEqual(5_000);
    expect(cache.get("/zh/search?q=999")).toBeDefined(); // the newest of them are kept
    expect(cache.get("/zh/search?q=0")).toBeUndefined();
    expect(cache.bytes).toBeLessThanOrEqual(20_000);
  });

  test("within their share, query entries go least recently used first; purges count them out", () => {
    const cache = new ResponseCache({ maxBytes: 20_000, maxEntryBytes: 5_000, maxQueryBytes: 5_000 }); // two entries
    cache.set("/zh/search?q=a", entry(1_500, ["list:zh"]));
    cache.set("/zh/search?q=b", entry(1_500, ["list:zh"]));
    cache.get("/zh/search?q=a"); // b is now the least recently used
    cache.set("/zh/search?q=c", entry(1_500, ["list:en"]));
    expect(["a", "b", "c"].map((q) => Boolean(cache.get(`/zh/search?q=${q}`)))).toEqual([true, false, true]);
    cache.purge(["list:zh"]);
    expect(cache.queryBytes).toBe(cache.bytes);
    expect(cache.size).toBe(1);
    expect(cache.set("/zh/search?q=huge", entry(4_500))).toBe(false); // more than the whole share
    cache.purge();
    expect([cache.queryBytes, cache.bytes]).toEqual([0, 0]);
  });

  test("purge empties it, and a response begun before a purge is not stored", () => {
    const cache = new ResponseCache();
    const started = cache.generation;
    cache.set("/a", entry(10));
    cache.noteHorizon(NOW + 5);
    cache.purge();
    expect(cache.size).toBe(0);
    expect(cache.bytes).toBe(0);
    expect(cache.horizon).toBeUndefined();
    expect(cache.set("/b", entry(10), started)).toBe(false);
    expect(cache.set("/b", entry(10), cache.generation)).toBe(true);
  });

  test("remembers the embargo ends noted in a generation, to refuse Next's HITs right after one", () => {
    const cache = new ResponseCache();
    cache.noteHorizon(NOW + 5_000);
    cache.noteHorizon(Infinity); // a render after the embargo ended: no more embargo
    expect(cache.horizon).toBe(Infinity);
    expect(cache.embargoEndedWithin(NOW, 1_500)).toBe(false);
    expect(cache.embargoEndedWithin(NOW + 5_000, 1_500)).toBe(true);
    expect(cache.embargoEndedWithin(NOW + 6_499, 1_500)).toBe(true);
    expect(cache.embargoEndedWithin(NOW + 6_500, 1_500)).toBe(false);
    cache.purge();
    expect(cache.embargoEndedWithin(NOW + 5_000, 1_500)).toBe(false);
  });

  test("horizons noted for an older generation are ignored", () => {
    const cache = new ResponseCache();
    const old = cache.generation;
    cache.purge();
    cache.noteHorizon(NOW + 5, old);
    expect(cache.horizon).toBeUndefined();
    cache.noteHorizon(Infinity);
    expect(cache.horizon).toBe(Infinity);
  });
});

describe("tags of a path's renders", () => {
  test("a union over the renders, kept across purges; unknown past the limit", () => {
    const cache = new ResponseCache();
    expect(cache.tagsOfPath("/zh/a")).toBeUndefined();
    cache.noteRenderTag("/zh/a", "t1");
    cache.purge();
    cache.noteRenderTag("/zh/a", "t2");
    expect([...cache.tagsOfPath("/zh/a")!]).toEqual(["t1", "t2"]);
    for (let i = 0; i < 100; i++) cache.noteRenderTag("/zh/b", `t${i}`);
    expect(cache.tagsOfPath("/zh/b")).toBeUndefined();
  });
});

describe("routes", () => {
  test.each([
    ["/zh", true],
    ["/en/news/x", true],
    ["/zh/feed.xml", true],
    ["/zh-Hant", true],
    ["/zh-Hant/news/x", true],
    ["/zh-Hant/atom.xml", true],
    ["/zh-hant/news", false],
    ["/zh-Hantx", false],
    ["/sitemap.xml", true],
    ["/sitemaps/zh-2020.xml", true],
    ["/sitemaps/pages.xml", true],
    ["/sitemaps/a/b.xml", false],
    ["/robots.txt", true],
    ["/api/v1/releases", true],
    ["/api/v1/releases/abc", true],
    ["/zhx", false],
    ["/admin", false],
    ["/preview/1/zh", false],
    ["/api/health", false],
    ["/_next/static/chunks/a.js", false],
  ])("isPublicPath(%s) = %s", (path, expected) => expect(isPublicPath(path)).toBe(expected));

  test("feeds are public but not pages (no HTML error page for them)", () => {
    expect(isPublicPagePath("/en/news")).toBe(true);
    expect(isPublicPagePath("/en/feed.xml")).toBe(false);
    expect(isPublicPagePath("/zh/atom.xml")).toBe(false);
    expect(isPublicPagePath("/zh-Hant/news")).toBe(true);
    expect(isPublicPagePath("/zh-Hant/feed.xml")).toBe(false);
  });

  test("the key ignores the order of query parameters and refuses router fetches", () => {
    expect(cacheKey("/api/v1/releases?page=2&locale=zh")).toBe(cacheKey("/api/v1/releases?locale=zh&page=2"));
    expect(cacheKey("/zh/news")).toBe("/zh/news");
    expect(cacheKey("/zh/news?")).toBe("/zh/news");
    expect(cacheKey("/zh/news?_rsc=abc")).toBeNull();
  });

  test("only anonymous GET/HEAD without router headers", () => {
    const req = (method: string, headers: Record<string, string> = {}, url = "/zh/news") => ({ method, url, headers });
    expect(cacheableKey(req("GET"))).toBe("/zh/news");
    expect(cacheableKey(req("HEAD"))).toBe("/zh/news");
    expect(cacheableKey(req("POST"))).toBeNull();
    expect(cacheableKey(req("GET", { cookie: "a=1; newsroom_session=x" }))).toBeNull();
    expect(cacheableKey(req("GET", { cookie: "newsroom_sessionx=1" }))).toBe("/zh/news");
    expect(cacheableKey(req("GET", { rsc: "1" }))).toBeNull();
    expect(cacheableKey(req("GET", { "next-action": "abc" }))).toBeNull();
    expect(cacheableKey(req("GET", {}, "/admin"))).toBeNull();
    expect(hasSessionCookie(undefined)).toBe(false);
  });
});
