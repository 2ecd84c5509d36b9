import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, describe, expect, test } from "vitest";
import { DiffList } from "../../src/components/admin/release/source-diff";
import { Highlighted } from "../../src/components/search/highlighted";
import { RichText } from "../../src/components/site/rich-text";
import { renderSafeHtml } from "../../src/domain/release/safe-html";
import { parseDoc, type DocNode } from "../../src/domain/release/content";
import { diffBlocks } from "../../src/domain/release/diff";
import { jsonLdString } from "../../src/domain/public/json-ld";
import { highlight } from "../../src/domain/search/snippet";
import { parseQuery } from "../../src/domain/search/query";
import { I18nProvider } from "../../src/i18n/client";
import { HOSTILE_HREFS, TEXT_PAYLOADS, hostileDoc } from "./xss-payloads";

// Every server-side writer of user text, fed the payload corpus. Markup may contain only the
// allow-listed tags with safe attributes; everything else must arrive as inert, escaped text.

const ALLOWED_TAGS = new Set([
  "p",
  "h2",
  "h3",
  "h4",
  "ul",
  "ol",
  "li",
  "blockquote",
  "br",
  "hr",
  "pre",
  "code",
  "strong",
  "em",
  "u",
  "s",
  "a",
  "span",
  "mark",
  "ins",
  "del",
]);
let checked = 0;

/** The text a browser shows for an escaped fragment: tags dropped, entities decoded. */
const textOf = (html: string) =>
  html
    .replace(/<[^>]*>/g, "")
    .replace(/&#x([0-9a-f]+);/gi, (_m, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_m, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

/** The payload reached the output as text: the field was rendered (a renamed field fails here). */
function assertShown(html: string, payload: string, where: string) {
  expect(textOf(html), `${where} does not show the payload`).toContain(payload);
}

function assertInert(html: string, where: string) {
  checked++;
  for (const [, tag, attrs] of html.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>/g)) {
    expect(ALLOWED_TAGS.has(tag!.toLowerCase()), `${where}: <${tag}> in ${html.slice(0, 200)}`).toBe(true);
    for (const [, name, value] of attrs!.matchAll(/\s([^\s=]+)\s*=\s*"([^"]*)"/g)) {
      expect(["href", "rel", "class", "lang"], `${where}: attribute ${name}`).toContain(name!.toLowerCase());
      if (name === "href") {
        expect(value!, `${where}: href`).toMatch(/^(https?:\/\/|mailto:|\/(?![/\\]))/i);
        expect(value!, `${where}: href`).not.toMatch(/[\\\s]|evil\.example/);
      }
    }
    expect(attrs!.replace(/\s([^\s=]+)\s*=\s*"[^"]*"/g, "").trim(), `${where}: unquoted attributes`).toBe("");
  }
}

describe("stored rich text → HTML", () => {
  const doc = parseDoc(JSON.stringify(hostileDoc())) as DocNode;

  test("the hostile document parses (it must reach the renderers to test them)", () => {
    expect(doc.content?.length).toBeGreaterThan(TEXT_PAYLOADS.length);
  });

  test("feeds and API renderer (string)", () => {
    const html = renderSafeHtml(doc);
    assertInert(html, "renderSafeHtml");
    expect(html).toContain("&lt;script&gt;window.__xss=1&lt;/script&gt;");
    expect(html).toContain('<a href="https://ok.example/" rel="noopener noreferrer">safe</a>');
    for (const payload of TEXT_PAYLOADS) assertShown(html, payload, "renderSafeHtml");
    for (const href of HOSTILE_HREFS) expect(html).not.toContain(`href="${href}`);
  });

  test("page renderer (React)", () => {
    const html = renderToStaticMarkup(createElement(RichText, { doc }));
    assertInert(html, "RichText");
    expect(html).not.toMatch(/href="(javascript|vbscript|data):/i);
    expect(html).toContain("&lt;script&gt;window.__xss=1&lt;/script&gt;");
    for (const payload of TEXT_PAYLOADS) assertShown(html, payload, "RichText");
  });
});

describe.each(TEXT_PAYLOADS.map((p, i) => [i, p] as const))("payload #%i", (_i, payload) => {
  test("JSON-LD cannot be broken out of and round-trips", () => {
    checked++;
    const s = jsonLdString({ "@type": "NewsArticle", headline: payload });
    expect(s).not.toMatch(/<|>|\u2028|\u2029/);
    expect(JSON.parse(s).headline).toBe(payload);
  });

  test("search highlighting escapes around the hit", () => {
    const q = parseQuery("script window");
    const marks = q.ok ? q.marks : { words: [], cjk: [] };
    const html = renderToStaticMarkup(createElement(Highlighted, { segments: highlight(payload, marks) }));
    assertInert(html, "Highlighted");
    assertShown(html, payload, "Highlighted");
  });

  test("admin diff view escapes both sides", () => {
    const html = renderToStaticMarkup(
      createElement(I18nProvider, {
        locale: "en",
        children: createElement(DiffList, { parts: diffBlocks(["before"], [payload]) }),
      }),
    );
    assertInert(html, "DiffList");
    assertShown(html, payload, "DiffList");
    assertShown(html, "before", "DiffList");
  });
});

afterAll(() => {
  console.log(
    `XSS corpus: ${TEXT_PAYLOADS.length} text payloads + ${HOSTILE_HREFS.length} link payloads; ${checked} server-side outputs checked, none executable.`,
  );
});
