import "server-only";
import { renderSafeHtml } from "@/domain/release/safe-html";
import { atom1, rss2, type FeedItem } from "@/domain/public/feed-xml";
import { parseDoc } from "@/domain/release/content";
import { absolute, paths } from "@/domain/public/urls";
import { getT } from "@/i18n/server";
import { LANG_TAG, type Locale } from "@/i18n/settings";
import { env } from "./env";
import { publicCategories } from "./releases/public";
import { newestArticles } from "./releases/public-article";

// RSS 2.0 and Atom 1.0 per language, with full HTML content through the same allow-list as pages.

export const FEED_SIZE = 20;

export async function buildFeed(locale: Locale, kind: "rss" | "atom", now = new Date()): Promise<string> {
  const site = env().SITE_URL;
  const tc = getT(locale, "common");
  const articles = await newestArticles(locale, FEED_SIZE, now);
  const categories = new Map((await publicCategories(locale)).map((c) => [c.id, c]));
  const items: FeedItem[] = [];
  for (const item of articles) {
    const category = item.categoryId ? categories.get(item.categoryId) : undefined;
    items.push({
      id: `urn:newsroom:release:${item.releaseId}:${locale}`,
      title: item.title,
      link: absolute(site, paths.article(locale, item.slug)),
      summary: item.summary,
      html: renderSafeHtml(parseDoc(item.body)),
      published: item.publishedAt,
      updated: item.updatedAt,
      category: category && { term: category.slug, label: category.name },
    });
  }
  const channel = {
    title: tc("siteName"),
    description: getT(locale, "site")("feedDescription"),
    language: LANG_TAG[locale],
    home: absolute(site, paths.home(locale)),
    rssUrl: absolute(site, paths.rss(locale)),
    atomUrl: absolute(site, paths.atom(locale)),
    updated: items.reduce((max, i) => (i.updated > max ? i.updated : max), items.length ? new Date(0) : now),
    items,
  };
  return kind === "rss" ? rss2(channel) : atom1(channel);
}
