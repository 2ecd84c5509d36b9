// The URLs `npm run bench:scale` renders, per page type, drawn from the database so that every
// sample is a real page: deep list pages among the last half, random articles and months, a
// keyset cursor deep in the archive. Seeded, so two runs ask for the same pages.
import { monthKeyOf } from "../../src/domain/public/calendar";
import { encodeCursor } from "../../src/domain/public/cursor";
import { parseEnv } from "../../src/server/env";
import type { Db } from "../../src/server/db/client";

export interface PageType {
  name: string;
  urls: string[];
}

function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function sample(db: Db, locale: "zh" | "en", n: number, r: () => number) {
  const total = await db.publication.count({ where: { locale, publishedAt: { lte: new Date() } } });
  const rows = [];
  for (let i = 0; i < n; i++) {
    const [row] = await db.publication.findMany({
      where: { locale, publishedAt: { lte: new Date() } },
      orderBy: [{ publishedAt: "desc" }, { releaseId: "desc" }],
      skip: Math.floor(r() * total),
      take: 1,
      select: { slug: true, releaseId: true, publishedAt: true },
    });
    if (row) rows.push(row);
  }
  return { total, rows };
}

/** The archive month of a publication in the agency time zone, as its URL has it. */
const ym = (d: Date) => monthKeyOf(d, parseEnv().NEWSROOM_TIMEZONE).replace("-", "/");

export async function pageTypes(db: Db, n: number): Promise<PageType[]> {
  const r = random(7);
  const zh = await sample(db, "zh", n, r);
  const en = await sample(db, "en", n, r);
  const pages = Math.ceil(zh.total / 10);
  const deep = () => Math.max(2, Math.ceil(pages / 2 + r() * (pages / 2)));
  const categories = (await db.category.findMany({ select: { slug: true } })).map((c) => c.slug);
  const times = <T>(f: (i: number) => T) => Array.from({ length: n }, (_, i) => f(i));
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
  const year = String(new Date().getUTCFullYear() - 3);
  return [
    { name: "home", urls: times((i) => (i % 2 ? "/en" : "/zh")) },
    { name: "/zh/news", urls: times(() => "/zh/news") },
    { name: `/zh/news/page/N (N ${Math.ceil(pages / 2)}–${pages})`, urls: times(() => `/zh/news/page/${deep()}`) },
    {
      name: "category",
      urls: times((i) => (categories.length ? `/${i % 2 ? "en" : "zh"}/category/${pick(categories)}` : "/zh/news")),
    },
    { name: "/zh/archive", urls: times((i) => (i % 2 ? "/en/archive" : "/zh/archive")) },
    { name: "archive month", urls: zh.rows.map((p) => `/zh/archive/${ym(p.publishedAt)}`) },
    { name: "article zh", urls: zh.rows.map((p) => `/zh/news/${p.slug}`) },
    { name: "article en", urls: en.rows.map((p) => `/en/news/${p.slug}`) },
    { name: "RSS zh/en", urls: times((i) => (i % 2 ? "/en/feed.xml" : "/zh/feed.xml")) },
    { name: "Atom zh/en", urls: times((i) => (i % 2 ? "/en/atom.xml" : "/zh/atom.xml")) },
    { name: "API list", urls: times((i) => `/api/v1/releases?locale=${i % 2 ? "en" : "zh"}`) },
    {
      name: "API deep cursor",
      urls: zh.rows.map((p) => `/api/v1/releases?locale=zh&cursor=${encodeCursor(p)}`),
    },
    { name: "API detail", urls: zh.rows.map((p) => `/api/v1/releases/${p.releaseId}?locale=zh`) },
    { name: "sitemap index", urls: times(() => "/sitemap.xml") },
    { name: `sitemap shard (zh-${year})`, urls: times(() => `/sitemaps/zh-${year}.xml`) },
  ];
}
