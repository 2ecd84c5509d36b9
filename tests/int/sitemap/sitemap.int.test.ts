import { beforeAll, expect, test, vi } from "vitest";
import { SITEMAP_MAX_BYTES, SITEMAP_MAX_URLS } from "../../../src/domain/public/sitemap-plan";
import { ensurePublicCounts } from "../../../src/server/releases/public-counts";
import { addArchive } from "../../support/archive";
import { resetDb, testDb } from "../../support/db";
import { all, child, parseXml, type XmlNode } from "../../support/xml";
import * as indexRoute from "../../../src/app/sitemap.xml/route";
import * as shardRoute from "../../../src/app/sitemaps/[name]/route";
import * as robotsRoute from "../../../src/app/robots";

vi.mock("next/headers", async () => (await import("../../support/next-request")).nextHeadersMock());
vi.mock("next/cache", async () => (await import("../../support/next-request")).nextCacheMock());

// The sitemap as a crawler reads it: the index and every shard it names, parsed by a strict XML
// parser, checked against the protocol (sitemaps.org: at most 50,000 URLs and 50 MB per file,
// W3C dates, hreflang alternates) and against the database: every public article exactly once
// per language, nothing unpublished, withdrawn or embargoed, not even as an alternate.

const NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
const XHTML = "http://www.w3.org/1999/xhtml";
const W3C_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const YEAR = 365 * 86_400_000;
const NOW = Date.now();

let index: XmlNode;
const shards = new Map<string, XmlNode>();

async function get(handler: (r: Request, c: never) => Promise<Response>, path: string, params: object = {}) {
  const res = await handler(new Request(`http://127.0.0.1${path}`), { params: Promise.resolve(params) } as never);
  const text = await res.text();
  return {
    status: res.status,
    type: res.headers.get("content-type"),
    text,
    bytes: new TextEncoder().encode(text).length,
  };
}

beforeAll(async () => {
  await resetDb();
  const db = testDb();
  await addArchive(db, { count: 900, prefix: "s", from: new Date(NOW - 3 * YEAR), until: new Date(NOW), seed: 7 });
  // A release whose English is still embargoed while its Chinese is out: no alternate may name it.
  const lone = await db.publication.findFirstOrThrow({
    where: { locale: "en", publishedAt: { lt: new Date(NOW - YEAR) } },
  });
  await db.publication.update({ where: { id: lone.id }, data: { publishedAt: new Date(NOW + 5 * 86_400_000) } });
  await ensurePublicCounts(db);

  const res = await get(indexRoute.GET, "/sitemap.xml");
  expect(res.status).toBe(200);
  expect(res.type).toBe("application/xml; charset=utf-8");
  index = parseXml(res.text);
  for (const loc of all(index, "loc")) {
    const path = new URL(loc.text).pathname;
    const name = path.replace(/^\/sitemaps\//, "");
    const shard = await get(shardRoute.GET, path, { name });
    expect(shard.status, path).toBe(200);
    expect(shard.bytes, path).toBeLessThanOrEqual(SITEMAP_MAX_BYTES);
    shards.set(path, parseXml(shard.text));
  }
}, 60_000);

test("the index is a sitemapindex of at most 50,000 shards, each with a W3C lastmod", () => {
  expect(index.local).toBe("sitemapindex");
  expect(index.uri).toBe(NS);
  const entries = all(index, "sitemap");
  expect(entries.length).toBeGreaterThanOrEqual(1 + 3 * 3); // pages, and each edition over 3-4 years
  expect(entries.length).toBeLessThanOrEqual(SITEMAP_MAX_URLS);
  for (const e of entries) {
    expect(child(e, "loc")!.text).toMatch(/^http:\/\/localhost:\d+\/sitemaps\/(pages|(zh|zh-Hant|en)-\d{4})\.xml$/);
    expect(child(e, "lastmod")!.text).toMatch(W3C_DATE);
  }
});

test("every shard is a urlset within the limits; every URL has a lastmod and its language versions", () => {
  for (const [path, shard] of shards) {
    expect(shard.local, path).toBe("urlset");
    expect(shard.uri, path).toBe(NS);
    const urls = all(shard, "url");
    expect(urls.length, path).toBeGreaterThan(0);
    expect(urls.length, path).toBeLessThanOrEqual(SITEMAP_MAX_URLS);
    for (const url of urls) {
      const loc = child(url, "loc")!.text;
      expect(child(url, "lastmod")?.text, loc).toMatch(W3C_DATE);
      const links = url.children.filter((c) => c.local === "link" && c.uri === XHTML);
      expect(links.length, loc).toBeGreaterThanOrEqual(1);
      expect(links.every((l) => l.attrs.rel === "alternate" && /^(zh-CN|zh-Hant|en)$/.test(l.attrs.hreflang!))).toBe(
        true,
      );
      // Both Chinese editions are always there together, at the same slug.
      const zh = links.find((l) => l.attrs.hreflang === "zh-CN")?.attrs.href;
      const hant = links.find((l) => l.attrs.hreflang === "zh-Hant")?.attrs.href;
      expect(zh === undefined, loc).toBe(hant === undefined);
      if (zh) expect(hant, loc).toBe(zh.replace(/\/zh(\/|$)/, "/zh-Hant$1"));
      expect(
        links.map((l) => l.attrs.href),
        `${loc} lists itself`,
      ).toContain(loc);
    }
  }
});

test("every public article exactly once per edition, in its year's shard; nothing else", async () => {
  const db = testDb();
  const now = new Date();
  for (const locale of ["zh", "zh-Hant", "en"] as const) {
    const visible = await db.publication.findMany({
      where: { locale: locale === "en" ? "en" : "zh", publishedAt: { lte: now } },
      select: { slug: true },
    });
    const listed = [...shards]
      .filter(([path]) => new RegExp(`^/sitemaps/${locale}-\\d`).test(path))
      .flatMap(([, s]) => all(s, "loc").map((l) => new URL(l.text).pathname));
    expect(listed.length).toBe(visible.length);
    expect(new Set(listed)).toEqual(new Set(visible.map((p) => `/${locale}/news/${p.slug}`)));
  }
  const hidden = await db.publication.findMany({ where: { publishedAt: { gt: now } }, select: { slug: true } });
  const drafts = await db.release.findMany({ where: { status: "DRAFT" }, select: { id: true } });
  expect(hidden.length).toBeGreaterThan(10);
  expect(drafts.length).toBeGreaterThan(50);
  const text = [...shards.values()].flatMap((s) => [...all(s, "loc"), ...all(s, "xhtml:link")]);
  const everything = text.map((n) => n.text || n.attrs.href).join("\n");
  for (const p of hidden) expect(everything).not.toContain(`/news/${p.slug}`);
  for (const r of drafts) expect(everything).not.toContain(`/news/${r.id}-`);
});

test("the pages shard lists home, lists, archive and categories in every edition; robots names the index", async () => {
  const locs = all(shards.get("/sitemaps/pages.xml")!, "loc").map((l) => new URL(l.text).pathname);
  for (const path of [
    "/zh",
    "/zh-Hant",
    "/en",
    "/zh/news",
    "/zh-Hant/archive",
    "/en/archive",
    "/zh/category/press-releases",
  ])
    expect(locs).toContain(path);
  expect(locs.some((l) => /^\/en\/archive\/\d{4}\/\d{2}$/.test(l))).toBe(true);
  expect(locs.some((l) => /^\/zh-Hant\/archive\/\d{4}\/\d{2}$/.test(l))).toBe(true);
  expect(robotsRoute.default().sitemap).toMatch(/\/sitemap\.xml$/);
});

test("shard names the index does not list are 404", async () => {
  for (const name of ["zh-1999.xml", "fr-2020.xml", "zh-2020", "../x.xml", "pages.txt"]) {
    expect((await get(shardRoute.GET, `/sitemaps/${name}`, { name })).status, name).toBe(404);
  }
});
