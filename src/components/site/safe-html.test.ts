import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, test } from "vitest";
import type { DocNode } from "@/domain/release/content";
import { RichText } from "./rich-text";
import { renderSafeHtml, safeHref } from "@/domain/release/safe-html";

const doc = (...content: DocNode[]): DocNode => ({ type: "doc", content });
const para = (...content: DocNode[]): DocNode => ({ type: "paragraph", content });
const text = (t: string, marks?: DocNode["marks"]): DocNode => ({ type: "text", text: t, marks });
const link = (href: string) => para(text("x", [{ type: "link", attrs: { href, onclick: "alert(1)" } }]));

// Both emitters must agree: pages use RichText, feeds and the API renderSafeHtml.
const renderers = [
  ["renderSafeHtml", (d: DocNode) => renderSafeHtml(d)],
  ["RichText", (d: DocNode) => renderToStaticMarkup(createElement(RichText, { doc: d }))],
] as const;

describe.each(renderers)("%s", (_name, render) => {
  test.each([
    ["script text", doc(para(text("<script>alert(1)</script>"))), "&lt;script&gt;alert(1)&lt;/script&gt;"],
    ["unknown node keeps text only", doc({ type: "script", content: [text("hi")] }), "<span>hi</span>"],
    ["image node dropped", doc({ type: "image", attrs: { src: "x", onerror: "alert(1)" } }), ""],
    [
      "iframe node keeps text only",
      doc({ type: "iframe", attrs: { src: "javascript:alert(1)" }, content: [text("t")] }),
      "<span>t</span>",
    ],
    ["heading level 1 becomes h2", doc({ type: "heading", attrs: { level: 1 }, content: [text("T")] }), "<h2>T</h2>"],
    ["unknown mark dropped", doc(para(text("t", [{ type: "style", attrs: { style: "x" } }]))), "<p>t</p>"],
    ["bold", doc(para(text("b", [{ type: "bold" }]))), "<p><strong>b</strong></p>"],
    [
      "external link",
      doc(link('https://example.org/?a=1&b="2"')),
      'href="https://example.org/?a=1&amp;b=%222%22" rel="noopener noreferrer"',
    ],
    ["site-relative link: no rel", doc(link("/en/news")), '<a href="/en/news">x</a>'],
    ["mailto link", doc(link("mailto:press@example.org")), 'href="mailto:press@example.org" rel="noopener noreferrer"'],
  ])("%s", (_case, input, expected) => {
    const html = render(input);
    if (expected) expect(html).toContain(expected);
    else expect(html).toBe("");
    expect(html).not.toMatch(/<script|<iframe|<img|\son\w+=|javascript:|style=/i);
  });

  test.each([
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "//evil.example/x",
    "/\\evil.example",
    "/\\/evil.example",
    "\\\\evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    " //evil.example",
    "\u3000//evil.example",
    "/%2F/evil.example",
    "/%2fevil.example",
    "/%5Cevil.example",
    "/%09/evil.example",
    "https:/\\evil.example",
    "https://\\evil.example",
    "https://agency.gov@evil.example/",
    "https://user:pw@evil.example/",
    "http:evil.example",
    "https:///",
    "mailto:",
    "mailto:?subject=x",
    "/a b",
  ])("link %j is dropped, its text kept", (href) => {
    const html = render(doc(link(href)));
    expect(html).toBe("<p>x</p>");
  });
});

test.each([
  ["https://a.example", "https://a.example/"],
  ["HTTPS://A.Example/Path?q=1#x", "https://a.example/Path?q=1#x"],
  ["https://例子.中国/新闻", "https://xn--fsqu00a.xn--fiqs8s/%E6%96%B0%E9%97%BB"],
  ["/zh/news/a-b?x=1#top", "/zh/news/a-b?x=1#top"],
  ["/en/../zh", "/zh"],
  ["  /zh  ", "/zh"],
  ["/zh/%E6%96%B0", "/zh/%E6%96%B0"],
  ["mailto:press@example.org", "mailto:press@example.org"],
  ["/zh", "/zh"],
  ["ftp://x", null],
  [42, null],
])("safeHref(%j) → %j", (href, expected) => {
  expect(safeHref(href)).toBe(expected);
});
