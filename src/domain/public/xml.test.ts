import { expect, test } from "vitest";
import { xmlEscape } from "./xml";

// xmlEscape has a fast path for text that needs nothing (most URLs of a sitemap shard): it must
// take the careful path for every character that needs escaping or removing.

test("escapes markup and removes what XML 1.0 cannot carry", () => {
  expect(xmlEscape(`a&b<c>"d'`)).toBe("a&amp;b&lt;c&gt;&quot;d&apos;");
  expect(xmlEscape("x\u0000y\u0008z\u000B\u000C\u001F\uFFFE\uFFFF")).toBe("xyz");
  expect(xmlEscape("tab\tnl\ncr\r")).toBe("tab\tnl\ncr\r");
});

test("a lone surrogate goes, a pair stays; plain text comes back as it is", () => {
  expect(xmlEscape("a\uD800b")).toBe("ab");
  expect(xmlEscape("a\uDC00")).toBe("a");
  expect(xmlEscape("emoji 😀")).toBe("emoji 😀");
  const url = "https://news.example.gov.cn/zh/news/cnipa-2020-04";
  expect(xmlEscape(url)).toBe(url);
  expect(xmlEscape("中文标题")).toBe("中文标题");
});
