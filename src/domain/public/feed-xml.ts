// RSS 2.0 and Atom 1.0 documents, written by hand so that every field is escaped the same way
// (xml.ts). Titles and summaries are plain text and declared as such; the body is HTML that has
// already been through the allow-list, carried as escaped text (Atom `type="html"`,
// RSS `content:encoded`).
import { xmlElement as el, xmlEscape } from "./xml";

export interface FeedItem {
  id: string;
  title: string;
  link: string;
  summary: string;
  /** Allow-listed HTML of the full release. */
  html: string;
  published: Date;
  updated: Date;
  category?: { term: string; label: string };
}

export interface FeedChannel {
  title: string;
  description: string;
  /** BCP 47 */
  language: string;
  home: string;
  rssUrl: string;
  atomUrl: string;
  updated: Date;
  items: FeedItem[];
}

const PROLOG = '<?xml version="1.0" encoding="utf-8"?>\n';

export function rss2(feed: FeedChannel): string {
  const items = feed.items.map((i) =>
    [
      "<item>",
      el("title", {}, i.title),
      el("link", {}, i.link),
      el("guid", { isPermaLink: "false" }, i.id),
      el("pubDate", {}, i.published.toUTCString()),
      el("description", {}, i.summary),
      el("content:encoded", {}, i.html),
      i.category ? el("category", { domain: feed.home }, i.category.label) : "",
      "</item>",
    ].join(""),
  );
  return (
    PROLOG +
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/">' +
    "<channel>" +
    el("title", {}, feed.title) +
    el("link", {}, feed.home) +
    el("description", {}, feed.description) +
    el("language", {}, feed.language) +
    el("lastBuildDate", {}, feed.updated.toUTCString()) +
    el("generator", {}, "Newsroom") +
    el("atom:link", { href: feed.rssUrl, rel: "self", type: "application/rss+xml" }) +
    items.join("\n") +
    "</channel></rss>\n"
  );
}

export function atom1(feed: FeedChannel): string {
  const entries = feed.items.map((i) =>
    [
      "<entry>",
      el("title", { type: "text" }, i.title),
      el("id", {}, i.id),
      el("link", { rel: "alternate", type: "text/html", href: i.link }),
      el("published", {}, i.published.toISOString()),
      el("updated", {}, i.updated.toISOString()),
      el("summary", { type: "text" }, i.summary),
      el("content", { type: "html" }, i.html),
      i.category ? el("category", { term: i.category.term, label: i.category.label }) : "",
      "</entry>",
    ].join(""),
  );
  return (
    PROLOG +
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xmlEscape(feed.language)}">` +
    el("id", {}, feed.home) +
    el("title", { type: "text" }, feed.title) +
    el("subtitle", { type: "text" }, feed.description) +
    el("updated", {}, feed.updated.toISOString()) +
    el("generator", {}, "Newsroom") +
    el("link", { rel: "alternate", type: "text/html", href: feed.home }) +
    el("link", { rel: "self", type: "application/atom+xml", href: feed.atomUrl }) +
    `<author>${el("name", {}, feed.title)}${el("uri", {}, feed.home)}</author>` +
    entries.join("\n") +
    "</feed>\n"
  );
}
