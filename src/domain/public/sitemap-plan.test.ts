import { describe, expect, test } from "vitest";
import {
  isShardName,
  maxUrlsPerShard,
  planShards,
  shardLocale,
  SITEMAP_MAX_URLS,
  yearsOverLimit,
} from "./sitemap-plan";
import { urlsetXml, sitemapIndexXml } from "./sitemap-xml";

describe("sitemap shards", () => {
  test("one shard per year while a year fits", () => {
    const shards = planShards(
      "zh",
      [
        { year: 2021, count: 5 },
        { year: 2020, count: 8 },
      ],
      new Map(),
      10,
    );
    expect(shards.map((s) => [s.name, s.from, s.to, s.count])).toEqual([
      ["zh-2020", "2020-01", "2020-12", 8],
      ["zh-2021", "2021-01", "2021-12", 5],
    ]);
  });

  test("a year over the limit is split by month, a month over it in numbered parts", () => {
    const years = [{ year: 2020, count: 31 }];
    expect(yearsOverLimit(years, 10)).toEqual([2020]);
    const months = new Map([
      [
        2020,
        [
          { month: "2020-02", count: 25 },
          { month: "2020-01", count: 6 },
        ],
      ],
    ]);
    const shards = planShards("en", years, months, 10);
    expect(shards.map((s) => [s.name, s.offset, s.count])).toEqual([
      ["en-2020-01", 0, 6],
      ["en-2020-02-1", 0, 10],
      ["en-2020-02-2", 10, 10],
      ["en-2020-02-3", 20, 5],
    ]);
    for (const s of shards) expect(isShardName(s.name)).toBe(true);
  });

  test("the per-shard limit keeps the longest entries under 50 MB", () => {
    expect(maxUrlsPerShard("https://www.agency.gov.cn")).toBe(SITEMAP_MAX_URLS);
    const long = `https://${"x".repeat(2000)}.example`;
    const n = maxUrlsPerShard(long);
    expect(n).toBeLessThan(SITEMAP_MAX_URLS);
    const href = `${long}/zh-Hant/news/${"a".repeat(100)}`;
    const alternates = ["zh-CN", "zh-Hant", "en"].map((hreflang) => ({ hreflang, href }));
    const url = { loc: href, lastmod: new Date(), alternates };
    const bytes = new TextEncoder().encode(urlsetXml([url])).length - 200;
    expect(bytes * n).toBeLessThan(50 * 1024 * 1024);
  });

  test.each(["zh-2020", "en-2020-02", "en-2020-02-3", "zh-Hant-2020-02", "pages"])("%s is a shard name", (name) => {
    expect(isShardName(name)).toBe(true);
  });
  test.each([
    ["zh-2020", "zh"],
    ["zh-Hant-2020-02-3", "zh-Hant"],
    ["en-2020", "en"],
  ] as const)("%s is a shard of %s", (name, locale) => {
    expect(shardLocale(name)).toBe(locale);
  });
  test.each([
    "fr-2020",
    "zh-hant-2020",
    "zh-Hans-2020",
    "zh-20",
    "zh-2020-13",
    "zh-2020-02-0",
    "../etc",
    "zh-2020.xml",
    "",
  ])("%s is not", (name) => {
    expect(isShardName(name)).toBe(false);
  });

  test("XML escapes every URL", () => {
    const xml = sitemapIndexXml([{ loc: "https://x.example/?a=1&b=<2>" }]);
    expect(xml).toContain("<loc>https://x.example/?a=1&amp;b=&lt;2&gt;</loc>");
  });
});
