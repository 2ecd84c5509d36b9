import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { encodeCursor } from "../../../src/domain/public/cursor";
import { ensurePublicCounts } from "../../../src/server/releases/public-counts";
import { addArchive, CATEGORY_SLUGS } from "../../support/archive";
import { engine, resetDb, testDb } from "../../support/db";
import { workMeter, type Work, type WorkMeter } from "../../support/query-work";
import { runServerTree } from "../../support/server-tree";
import * as home from "../../../src/app/[locale]/(site)/page";
import * as news from "../../../src/app/[locale]/(site)/news/page";
import * as newsN from "../../../src/app/[locale]/(site)/news/page/[page]/page";
import * as category from "../../../src/app/[locale]/(site)/category/[slug]/page";
import * as categoryN from "../../../src/app/[locale]/(site)/category/[slug]/page/[page]/page";
import * as archive from "../../../src/app/[locale]/(site)/archive/page";
import * as month from "../../../src/app/[locale]/(site)/archive/[year]/[month]/page";
import * as monthN from "../../../src/app/[locale]/(site)/archive/[year]/[month]/page/[page]/page";
import * as article from "../../../src/app/[locale]/(site)/news/[slug]/page";
import * as rss from "../../../src/app/[locale]/feed.xml/route";
import * as atom from "../../../src/app/[locale]/atom.xml/route";
import * as apiList from "../../../src/app/api/v1/releases/route";
import * as apiOne from "../../../src/app/api/v1/releases/[id]/route";
import * as sitemapIndex from "../../../src/app/sitemap.xml/route";
import * as sitemapShard from "../../../src/app/sitemaps/[name]/route";

vi.mock("next/headers", async () => (await import("../../support/next-request")).nextHeadersMock());
vi.mock("next/cache", async () => (await import("../../support/next-request")).nextCacheMock());

// The work of every public page type must not grow with the archive: each is rendered (Next's data
// cache off, so every read reaches the database) on an archive of 1,200 releases over 4 years, then
// on 3,600 over 12 years (the same pace: what an agency's archive looks like 8 years later), and the
// statements and database pages each render needs are compared. Pages are measured by the engine
// (tests/support/query-work.ts), not by the clock. A read that scans the archive, or counts it,
// reads three times as many pages on the second archive and fails here.

const DAY = 86_400_000;
const YEAR = 365 * DAY;
const NOW = Date.now();
const ADDED_MONTHS = 8 * 12 + 1;
let meter: WorkMeter;
/** the most releases of one language in one month, in either archive (the same pace in both) */
let busiestMonth = 0;

interface Target {
  name: string;
  run: () => Promise<unknown>;
  /** the page lists every month (archive index, sitemap of pages): it may read one stored count per month more */
  perMonth?: true;
  /**
   * a numbered page found through the stored counts (src/domain/public/month-counts.ts `locate`):
   * it reads the month counts of one year and skips rows within one month. Neither grows with the
   * archive, but both depend on the date the test runs: on 4 December the smaller archive's oldest
   * year held one month, and its last page started near the end of a month.
   */
  counted?: true;
}

/**
 * What the second archive may cost: a B-tree level and a few more year counts, per month listed
 * one stored count, and for a page found through the counts a year of month counts and a month of
 * rows skipped (on SQLite, in pages: both fit in a few, since SQLite skips rows in the index).
 */
function allowed(t: Target, a: Work): number {
  const [slack, perMonth, counted] = meter.unit === "pages" ? [16, 0.25, 4] : [24, 3, 12 + busiestMonth];
  return a.reads * 1.05 + slack + (t.perMonth ? perMonth * ADDED_MONTHS : 0) + (t.counted ? counted : 0);
}

const params = <T extends object>(p: T) => ({ params: Promise.resolve(p) });
async function renderPage(
  mod: { default: (p: never) => unknown; generateMetadata?: (p: never) => unknown },
  p: object,
) {
  await mod.generateMetadata?.(params(p) as never);
  await runServerTree(await mod.default(params(p) as never));
}
async function get(handler: (r: Request, c: never) => Promise<Response>, url: string, p: object = {}) {
  const res = await handler(new Request(`http://127.0.0.1${url}`), params(p) as never);
  if (res.status !== 200) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  await res.text();
}

/** Every page type, pointed at the deepest or busiest instance of it in the current archive. */
async function targets(): Promise<Target[]> {
  const db = testDb();
  const zhTotal = await db.publication.count({ where: { locale: "zh", publishedAt: { lte: new Date() } } });
  const lastPage = Math.ceil(zhTotal / 10);
  const cat = await db.category.findUniqueOrThrow({ where: { slug: CATEGORY_SLUGS[0] } });
  const catTotal = await db.publication.count({
    where: { locale: "en", categoryId: cat.id, publishedAt: { lte: new Date() } },
  });
  const deep = await db.publication.findFirstOrThrow({
    where: { locale: "zh", publishedAt: { lte: new Date(NOW - 3.5 * YEAR) } },
    orderBy: [{ publishedAt: "desc" }, { releaseId: "desc" }],
  });
  const pair = await db.publication.findFirstOrThrow({
    where: { locale: "en", publishedAt: { lte: new Date(NOW - 2 * YEAR) } },
    orderBy: { publishedAt: "desc" },
  });
  const zhPair = await db.publication.findUniqueOrThrow({
    where: { releaseId_locale: { releaseId: pair.releaseId, locale: "zh" } },
  });
  const m = new Date(NOW - 1.5 * YEAR);
  const ym = { year: String(m.getUTCFullYear()), month: String(m.getUTCMonth() + 1).padStart(2, "0") };
  const oldYear = String(new Date(NOW - 3 * YEAR).getUTCFullYear());
  return [
    { name: "home zh", run: () => renderPage(home, { locale: "zh" }) },
    { name: "home en", run: () => renderPage(home, { locale: "en" }) },
    { name: "/zh/news", run: () => renderPage(news, { locale: "zh" }) },
    {
      name: "/zh/news/page/last",
      run: () => renderPage(newsN, { locale: "zh", page: String(lastPage) }),
      counted: true,
    },
    { name: "/en/category/x", run: () => renderPage(category, { locale: "en", slug: cat.slug }) },
    {
      name: "/en/category/x/page/last",
      run: () => renderPage(categoryN, { locale: "en", slug: cat.slug, page: String(Math.ceil(catTotal / 10)) }),
    },
    { name: "/zh/archive", run: () => renderPage(archive, { locale: "zh" }), perMonth: true },
    { name: "/zh/archive/y/m", run: () => renderPage(month, { locale: "zh", ...ym }) },
    {
      name: "/en/archive/y/m/page/1+",
      run: () =>
        renderPage(monthN, { locale: "en", ...ym, page: "2" }).catch(() => renderPage(month, { locale: "en", ...ym })),
    },
    { name: "article zh", run: () => renderPage(article, { locale: "zh", slug: zhPair.slug }) },
    { name: "article en", run: () => renderPage(article, { locale: "en", slug: pair.slug }) },
    { name: "/zh/feed.xml", run: () => get(rss.GET, "/zh/feed.xml", { locale: "zh" }) },
    { name: "/en/atom.xml", run: () => get(atom.GET, "/en/atom.xml", { locale: "en" }) },
    { name: "api list", run: () => get(apiList.GET, "/api/v1/releases?locale=zh") },
    {
      name: "api deep cursor",
      run: () => get(apiList.GET, `/api/v1/releases?locale=zh&limit=100&cursor=${encodeCursor(deep)}`),
    },
    {
      name: "api last page",
      run: () => get(apiList.GET, `/api/v1/releases?locale=zh&page=${lastPage}`),
      counted: true,
    },
    { name: "api category", run: () => get(apiList.GET, `/api/v1/releases?locale=en&category=${cat.slug}`) },
    {
      name: "api detail",
      run: () => get(apiOne.GET, `/api/v1/releases/${pair.releaseId}?locale=en`, { id: pair.releaseId }),
    },
    { name: "sitemap index", run: () => get(sitemapIndex.GET, "/sitemap.xml") },
    {
      name: "sitemap pages",
      run: () => get(sitemapShard.GET, "/sitemaps/pages.xml", { name: "pages.xml" }),
      perMonth: true,
    },
    {
      name: "sitemap year",
      run: () => get(sitemapShard.GET, `/sitemaps/zh-${oldYear}.xml`, { name: `zh-${oldYear}.xml` }),
    },
  ];
}

async function measureAll(): Promise<Map<string, { target: Target; work: Work }>> {
  const out = new Map<string, { target: Target; work: Work }>();
  for (const target of await targets()) {
    const work = await meter.measure(target.run);
    expect(work.writes, `${target.name} writes`).toBe(0);
    out.set(target.name, { target, work });
  }
  return out;
}

/** PostgreSQL plans from statistics; autovacuum would gather them after a bulk load like this one. */
async function analyze() {
  if (engine() === "postgresql") await testDb().$executeRawUnsafe("ANALYZE");
}

let small: Map<string, { target: Target; work: Work }>;
let large: Map<string, { target: Target; work: Work }>;

beforeAll(async () => {
  await resetDb();
  const db = testDb();
  await addArchive(db, { count: 1_200, prefix: "a", from: new Date(NOW - 4 * YEAR), until: new Date(NOW), seed: 1 });
  expect(await ensurePublicCounts(db)).toBe(true); // written behind the app's back: counted at start
  await analyze();
  meter = workMeter(process.env.DATABASE_URL!);
  (globalThis as { newsroomDb?: unknown }).newsroomDb = meter.db;
  small = await measureAll();
  await addArchive(db, {
    count: 2_400,
    prefix: "b",
    from: new Date(NOW - 12 * YEAR),
    until: new Date(NOW - 4 * YEAR),
    seed: 2,
  });
  expect(await ensurePublicCounts(db)).toBe(true);
  await analyze();
  large = await measureAll();
  const months = await db.publicationCount.aggregate({ _max: { count: true }, where: { period: { startsWith: "M" } } });
  busiestMonth = months._max.count ?? 0;
  expect(busiestMonth).toBeGreaterThan(0);
}, 120_000);

afterAll(async () => {
  (globalThis as { newsroomDb?: unknown }).newsroomDb = undefined;
  await meter?.close();
});

describe(`work per public request does not grow with the archive (${engine()})`, () => {
  test("table", () => {
    const rows = [...small].map(([name, { work: a }]) => {
      const b = large.get(name)!.work;
      return `${name.padEnd(26)} queries ${a.queries} → ${b.queries}   ${meter.unit} ${a.reads} → ${b.reads}`;
    });
    console.log(`1,200 → 3,600 releases (${engine()}):\n${rows.join("\n")}`);
    if (process.env.DEBUG_WORK) for (const [name, { work }] of large) console.log(name, work.sql.join("\n"));
    expect(large.size).toBe(small.size);
  });

  test.each([...Array(21).keys()])("page type #%i", (i) => {
    const [name, { target, work: a }] = [...small][i]!;
    const b = large.get(name)!.work;
    expect(b.queries, `${name}: statements\n${b.sql.join("\n")}`).toBeLessThanOrEqual(a.queries);
    expect(b.reads, `${name}: ${meter.unit} read ${a.reads} → ${b.reads}\n${b.sql.join("\n")}`).toBeLessThanOrEqual(
      allowed(target, a),
    );
  });
});
