import { describe, expect, test } from "vitest";
import { all, child, parseXml } from "../../../tests/support/xml";
import { atom1, rss2, type FeedChannel, type FeedItem } from "./feed-xml";

// Regression for the feed injection (docs/SECURITY.md): a summary with several `]]>` followed by
// markup forged a whole <item> with an outside link, and broke the Atom feed for every reader.

const FORGED =
  "]]>]]></description></item><item><title>Forged</title><link>https://evil.example/x</link><description><![CDATA[";
const HOSTILE: string[] = [
  FORGED,
  `a ]]> b ]]> c ]]> ${FORGED}`,
  "<script>alert(1)</script> & <b>bold</b> &amp; &#x26;",
  "control \u0000\u0001\u0008\u000b\u000c\u001f\ufffe\uffff chars",
  "lone surrogates \ud800 x \udfff y \udc00\ud800",
  "quotes \" and ' and </title></entry><entry><id>x</id>",
  "emoji 🎉 and 中文 stay",
];

const item = (i: number, text: string): FeedItem => ({
  id: `urn:newsroom:release:r${i}:en`,
  title: text,
  link: `https://news.example/en/news/item-${i}`,
  summary: text,
  html: `<p>${text.replace(/[<&]/g, (c) => (c === "<" ? "&lt;" : "&amp;"))}</p>`,
  published: new Date(Date.UTC(2026, 0, i + 1)),
  updated: new Date(Date.UTC(2026, 0, i + 2)),
  category: { term: `cat-${i}`, label: text },
});

const channel: FeedChannel = {
  title: "Newsroom ]]> <x>",
  description: FORGED,
  language: "en",
  home: "https://news.example/en",
  rssUrl: "https://news.example/en/feed.xml",
  atomUrl: "https://news.example/en/atom.xml",
  updated: new Date(Date.UTC(2026, 1, 1)),
  items: HOSTILE.map((t, i) => item(i, t)),
};

const stripped = (s: string) => s.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "");

describe("RSS 2.0", () => {
  const doc = parseXml(rss2(channel));

  test("is well-formed with exactly the items given, links unchanged", () => {
    expect(doc.name).toBe("rss");
    const items = all(doc, "item");
    expect(items).toHaveLength(HOSTILE.length);
    expect(items.map((i) => child(i, "link")!.text)).toEqual(channel.items.map((i) => i.link));
    expect(
      all(doc, "link")
        .map((l) => l.text)
        .join(),
    ).not.toContain("evil.example");
  });

  test.each(HOSTILE.map((t, i) => [i, t] as const))("field #%i arrives as the same text", (i, text) => {
    const node = all(doc, "item")[i]!;
    expect(child(node, "title")!.text).toBe(stripped(text));
    expect(child(node, "description")!.text).toBe(stripped(text));
    expect(child(node, "category")!.text).toBe(stripped(text));
    const encoded = child(node, "content:encoded")!;
    expect(encoded.uri).toBe("http://purl.org/rss/1.0/modules/content/");
    expect(encoded.text.startsWith("<p>")).toBe(true);
  });
});

describe("Atom 1.0", () => {
  const doc = parseXml(atom1(channel));

  test("is well-formed with exactly the entries given, links unchanged", () => {
    expect(doc.local).toBe("feed");
    expect(doc.uri).toBe("http://www.w3.org/2005/Atom");
    const entries = all(doc, "entry");
    expect(entries).toHaveLength(HOSTILE.length);
    expect(entries.map((e) => child(e, "link")!.attrs.href)).toEqual(channel.items.map((i) => i.link));
    expect(JSON.stringify(doc)).not.toContain('"href":"https://evil.example');
  });

  test.each(HOSTILE.map((t, i) => [i, t] as const))("field #%i arrives as the same text", (i, text) => {
    const node = all(doc, "entry")[i]!;
    expect(child(node, "title")!.attrs.type).toBe("text");
    expect(child(node, "title")!.text).toBe(stripped(text));
    expect(child(node, "summary")!.text).toBe(stripped(text));
    expect(child(node, "category")!.attrs.label).toBe(stripped(text));
    expect(child(node, "content")!.attrs.type).toBe("html");
  });

  test("feed-level text is escaped too", () => {
    expect(child(doc, "title")!.text).toBe(channel.title);
    expect(child(doc, "subtitle")!.text).toBe(FORGED);
  });
});
