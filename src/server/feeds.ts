import "server-only";
import { Feed } from "feed";
import { renderSafeHtml } from "@/components/site/safe-html";
import { parseDoc } from "@/domain/release/content";
import { absolute, paths } from "@/domain/public/urls";
import { getT } from "@/i18n/server";
import { LANG_TAG, type Locale } from "@/i18n/settings";
import { env } from "./env";
import { loadPublication } from "./releases/public-cache";
import { publicCategories, visibleReleases } from "./releases/public";

// RSS 2.0 and Atom 1.0 per language, with full HTML content through the same allow-list as pages.

export const FEED_SIZE = 20;

// Characters XML 1.0 forbids; a stray one in a title would make the whole feed unparseable.
const xmlText = (s: string) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "");

export async function buildFeed(locale: Locale, kind: "rss" | "atom", now = new Date()): Promise<string> {
  const site = env().SITE_URL;
  const tc = getT(locale, "common");
  const items = (await visibleReleases(locale, now)).slice(0, FEED_SIZE);
  const categories = new Map((await publicCategories(locale)).map((c) => [c.id, c]));
  const home = absolute(site, paths.home(locale));
  const feed = new Feed({
    id: home,
    link: home,
    title: tc("siteName"),
    description: getT(locale, "site")("feedDescription"),
    language: LANG_TAG[locale],
    updated: items.length ? items.reduce((max, i) => (i.updatedAt > max ? i.updatedAt : max), new Date(0)) : now,
    generator: "Newsroom",
    copyright: tc("siteName"),
    author: { name: tc("siteName"), link: home },
    feedLinks: { rss: absolute(site, paths.rss(locale)), atom: absolute(site, paths.atom(locale)) },
  });
  for (const item of items) {
    const row = await loadPublication(locale, item.slug);
    const url = absolute(site, paths.article(locale, item.slug));
    const category = item.categoryId ? categories.get(item.categoryId) : undefined;
    feed.addItem({
      title: xmlText(item.title),
      id: `urn:newsroom:release:${item.releaseId}:${locale}`,
      guid: `urn:newsroom:release:${item.releaseId}:${locale}`,
      link: url,
      date: item.updatedAt,
      published: item.publishedAt,
      description: xmlText(item.summary),
      content: xmlText(row ? renderSafeHtml(parseDoc(row.body)) : ""),
      category: category ? [{ name: category.name, term: category.slug }] : undefined,
    });
  }
  return kind === "rss" ? feed.rss2() : feed.atom1();
}
