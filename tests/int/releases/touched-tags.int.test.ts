import { afterAll, beforeAll, expect, test, vi } from "vitest";
import { installFrontBridge } from "../../../src/contract";
import { monthKeyOf } from "../../../src/domain/public/calendar";
import { textToDoc } from "../../../src/domain/release/content";
import { isPublicTag } from "../../../src/server/cache-tags";
import { createRelease, runWorkflow, saveContent, saveMeta } from "../../../src/server/releases/lifecycle";
import type { Actor } from "../../../src/server/releases/transaction";
import { resetDb, testDb } from "../../support/db";
import { runServerTree } from "../../support/server-tree";
import * as home from "../../../src/app/[locale]/(site)/page";
import * as news from "../../../src/app/[locale]/(site)/news/page";
import * as category from "../../../src/app/[locale]/(site)/category/[slug]/page";
import * as archive from "../../../src/app/[locale]/(site)/archive/page";
import * as month from "../../../src/app/[locale]/(site)/archive/[year]/[month]/page";
import * as article from "../../../src/app/[locale]/(site)/news/[slug]/page";
import * as search from "../../../src/app/[locale]/(site)/search/page";
import * as rss from "../../../src/app/[locale]/feed.xml/route";
import * as atom from "../../../src/app/[locale]/atom.xml/route";
import * as apiList from "../../../src/app/api/v1/releases/route";
import * as apiOne from "../../../src/app/api/v1/releases/[id]/route";
import * as sitemapIndex from "../../../src/app/sitemap.xml/route";
import * as sitemapShard from "../../../src/app/sitemaps/[name]/route";

vi.mock("next/headers", async () => (await import("../../support/next-request")).nextHeadersMock());
vi.mock("next/cache", async () => (await import("../../support/next-request")).nextCacheMock());

// A publish, re-publish or withdraw purges only the cache tags it touched (touchedTags(), returned
// by runWorkflow). Every page that showed or shows the release must report one of them to the
// front server, and a page about something else none, or it would be served stale or purged for
// nothing. The pages are rendered for real (data cache off) and their reported tags collected.

const db = testDb();
const TZ = "Asia/Shanghai";
let editor: Actor;
let cat: { a: string; b: string };
let old: { id: string };
let reported = new Set<string>();

const params = <T extends object>(p: T) => ({ params: Promise.resolve(p) });
const page =
  (mod: { default: (p: never) => unknown }, p: object, query: object = {}) =>
  async () =>
    runServerTree(await mod.default({ ...params(p), searchParams: Promise.resolve(query) } as never));
const route =
  (handler: (r: Request, c: never) => Promise<Response>, url: string, p: object = {}) =>
  async () => {
    const res = await handler(new Request(`http://127.0.0.1${url}`), params(p) as never);
    if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
    return res.text();
  };

/** The tags a render reported (the page must render: a 404 throws). */
async function tagsOf(render: () => Promise<unknown>): Promise<Set<string>> {
  reported = new Set();
  await render();
  return reported;
}

/** The pages that show a release, live in both languages with this slug, category slug and month. */
function pagesShowing(r: { id: string; slug: string; category: string; at: Date }) {
  const [year, mm] = monthKeyOf(r.at, TZ).split("-") as [string, string];
  return {
    "home zh": page(home, { locale: "zh" }),
    "home en": page(home, { locale: "en" }),
    "/zh/news": page(news, { locale: "zh" }),
    "/en/news": page(news, { locale: "en" }),
    "category zh": page(category, { locale: "zh", slug: r.category }),
    "category en": page(category, { locale: "en", slug: r.category }),
    "/zh/archive": page(archive, { locale: "zh" }),
    "archive month zh": page(month, { locale: "zh", year, month: mm }),
    "archive month en": page(month, { locale: "en", year, month: mm }),
    "article zh": page(article, { locale: "zh", slug: r.slug }),
    "article en": page(article, { locale: "en", slug: r.slug }),
    "search zh": page(search, { locale: "zh" }, { q: r.slug }),
    "search en": page(search, { locale: "en" }, { q: r.slug }),
    "rss zh": route(rss.GET, "/zh/feed.xml", { locale: "zh" }),
    "atom en": route(atom.GET, "/en/atom.xml", { locale: "en" }),
    "api list": route(apiList.GET, "/api/v1/releases?locale=zh"),
    "api detail": route(apiOne.GET, `/api/v1/releases/${r.id}?locale=en`, { id: r.id }),
    "sitemap index": route(sitemapIndex.GET, "/sitemap.xml"),
    "sitemap pages": route(sitemapShard.GET, "/sitemaps/pages.xml", { name: "pages.xml" }),
    "sitemap zh year": route(sitemapShard.GET, `/sitemaps/zh-${year}.xml`, { name: `zh-${year}.xml` }),
    "sitemap en year": route(sitemapShard.GET, `/sitemaps/en-${year}.xml`, { name: `en-${year}.xml` }),
  };
}

async function translated(slug: string, categoryId: string) {
  const body = JSON.stringify(textToDoc("正文。"));
  const created = await createRelease(
    db,
    editor,
    { title: slug, summary: "", slug, body },
    { categoryId, releaseDate: null },
  );
  if (!created.ok) throw new Error(created.code);
  const id = created.value.id;
  const saved = await saveContent(
    db,
    editor,
    id,
    "en",
    { title: slug, summary: "s", slug, body },
    created.value.version,
  );
  if (!saved.ok) throw new Error(saved.code);
  const marked = await runWorkflow(db, editor, id, { type: "markTranslated" }, saved.value.version);
  if (!marked.ok) throw new Error(marked.code);
  expect(marked.value.touched).toEqual([]); // nothing public changed
  return { id, version: marked.value.version };
}

async function run(id: string, command: Parameters<typeof runWorkflow>[3], version: number) {
  const r = await runWorkflow(db, editor, id, command, version);
  if (!r.ok) throw new Error(r.code);
  // what another instance's revalidation route accepts (else it would expire everything)
  expect(r.value.touched.filter((t) => !isPublicTag(t))).toEqual([]);
  return r.value;
}

beforeAll(async () => {
  process.env.NEWSROOM_TIMEZONE = TZ;
  installFrontBridge({
    purge: () => undefined,
    noteHorizon: () => undefined,
    noteTags: (tags) => tags.forEach((t) => reported.add(t)),
    allowStore: () => undefined,
    horizonKnown: () => false,
    verifyInternal: () => false,
  });
  await resetDb();
  const u = await db.user.create({ data: { email: "t@test", displayName: "T", role: "EDITOR", passwordHash: "-" } });
  editor = { id: u.id, role: "EDITOR" };
  const mk = async (slug: string) => (await db.category.create({ data: { slug, nameZh: slug, nameEn: slug } })).id;
  cat = { a: await mk("cat-a"), b: await mk("cat-b") };
  const o = await translated("old-news", cat.a);
  await run(o.id, { type: "publish", at: new Date("2020-04-09T02:00:00Z") }, o.version);
  old = { id: o.id };
});

afterAll(() => installFrontBridge(undefined));

const unrelated = () => {
  const pages = pagesShowing({ id: old.id, slug: "old-news", category: "cat-a", at: new Date("2020-04-09T02:00:00Z") });
  const { "home zh": _h, "home en": _he, "/zh/news": _n, "/en/news": _ne, "/zh/archive": _a, ...lists } = pages;
  const { "search zh": _s, "search en": _se, ...rest } = lists; // a search page lists the whole language
  const { "rss zh": _r, "atom en": _at, "api list": _l, "sitemap index": _i, "sitemap pages": _p, ...own } = rest;
  return own; // the old release's own article, category, month and year pages
};

async function expectTouched(pages: Record<string, () => Promise<unknown>>, touched: string[], yes: boolean) {
  for (const [name, render] of Object.entries(pages)) {
    const tags = await tagsOf(render);
    expect(tags.size, `${name} reported no tags`).toBeGreaterThan(0);
    const hit = touched.filter((t) => tags.has(t));
    expect(hit.length > 0, `${name}: reported ${[...tags].join(" ")}; touched ${touched.join(" ")}`).toBe(yes);
  }
}

test("publish: every page that shows the release reports a touched tag; the old release's pages none", async () => {
  const s = await translated("subject", cat.b);
  const at = new Date(Date.now() - 60_000);
  const published = await run(s.id, { type: "publish", at }, s.version);
  await expectTouched(pagesShowing({ id: s.id, slug: "subject", category: "cat-b", at }), published.touched, true);
  await expectTouched(unrelated(), published.touched, false);
  await run(s.id, { type: "withdraw" }, published.version);
});

test("re-publish elsewhere, then withdraw: the pages of the old and the new place are all touched", async () => {
  const s = await translated("moving", cat.b);
  const at = new Date(Date.now() - 60_000);
  const first = await run(s.id, { type: "publish", at }, s.version);
  const before = pagesShowing({ id: s.id, slug: "moving", category: "cat-b", at });
  const reported = new Map<string, Set<string>>();
  for (const [name, render] of Object.entries(before)) reported.set(name, await tagsOf(render));

  const meta = await saveMeta(db, editor, s.id, { categoryId: cat.a, releaseDate: null }, first.version);
  if (!meta.ok) throw new Error(meta.code);
  const body = JSON.stringify(textToDoc("正文。"));
  const renamed = await saveContent(
    db,
    editor,
    s.id,
    "zh",
    { title: "m", summary: "", slug: "moved", body },
    meta.value.version,
  );
  if (!renamed.ok) throw new Error(renamed.code);
  const zh = await db.releaseContent.findUniqueOrThrow({
    where: { releaseId_locale: { releaseId: s.id, locale: "zh" } },
  });
  const en = await saveContent(
    db,
    editor,
    s.id,
    "en",
    { title: "m", summary: "s", slug: "moved", body },
    renamed.value.version,
    { sourceFingerprint: zh.fingerprint }, // translated from the new Chinese
  );
  if (!en.ok) throw new Error(en.code);
  const later = new Date("2019-12-20T04:00:00Z");
  const moved = await run(s.id, { type: "publish", at: later }, en.value.version);
  for (const [name, tags] of reported) {
    expect(
      moved.touched.some((t) => tags.has(t)),
      `${name} (where it was) untouched`,
    ).toBe(true);
  }
  const now = pagesShowing({ id: s.id, slug: "moved", category: "cat-a", at: later });
  await expectTouched(now, moved.touched, true);
  const shown = new Map<string, Set<string>>();
  for (const [name, render] of Object.entries(now)) shown.set(name, await tagsOf(render));

  const gone = await run(s.id, { type: "withdraw" }, moved.version);
  for (const [name, tags] of shown) {
    expect(
      gone.touched.some((t) => tags.has(t)),
      `${name} (before the withdraw) untouched`,
    ).toBe(true);
  }
});
