import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, test } from "vitest";
import type { DocNode } from "@/domain/release/content";
import { RichText } from "./rich-text";
import { renderSafeHtml } from "@/domain/release/safe-html";

// Image nodes: only our media URLs, rebuilt from the id; everything else dropped.
const ID = "0123456789abcdef01234567";
const doc = (attrs: Record<string, unknown>): DocNode => ({ type: "doc", content: [{ type: "image", attrs }] });
const good = { src: `/media/${ID}/original.jpg`, alt: '会场 <b>"x"</b>', width: 1200, height: 800 };

const renderers = [
  ["renderSafeHtml", (d: DocNode) => renderSafeHtml(d)],
  ["RichText", (d: DocNode) => renderToStaticMarkup(createElement(RichText, { doc: d }))],
] as const;

describe.each(renderers)("%s images", (_name, render) => {
  test("our media: src, escaped alt, size, lazy, srcset of the narrower variants", () => {
    const html = render(doc({ ...good, onerror: "alert(1)", style: "x" }));
    expect(html).toContain(`src="/media/${ID}/original.jpg"`);
    expect(html).toContain('alt="会场 &lt;b&gt;&quot;x&quot;&lt;/b&gt;"');
    expect(html).toContain('width="1200"');
    expect(html).toContain('height="800"');
    expect(html).toContain('loading="lazy"');
    expect(html).toMatch(
      /srcset="\/media\/0123456789abcdef01234567\/w480\.webp 480w, \/media\/0123456789abcdef01234567\/w960\.webp 960w, \/media\/0123456789abcdef01234567\/original\.jpg 1200w"/i,
    );
    expect(html).not.toMatch(/onerror|style=|w1600/);
  });

  test("a small image has only its original in srcset", () => {
    expect(render(doc({ ...good, width: 300, height: 200 }))).toMatch(
      /srcset="\/media\/[a-f0-9]+\/original\.jpg 300w"/i,
    );
  });

  test.each([
    ["foreign http src", { ...good, src: "https://evil.example/x.jpg" }],
    ["protocol-relative", { ...good, src: `//evil.example/media/${ID}/original.jpg` }],
    ["javascript", { ...good, src: "javascript:alert(1)" }],
    ["data url", { ...good, src: "data:image/png;base64,AAAA" }],
    ["path traversal", { ...good, src: `/media/${ID}/../../etc/passwd` }],
    ["query appended", { ...good, src: `/media/${ID}/original.jpg?x=" onerror="alert(1)` }],
    ["uppercase id", { ...good, src: `/media/${ID.toUpperCase()}/original.jpg` }],
    ["short id", { ...good, src: "/media/abc/original.jpg" }],
    ["variant as src", { ...good, src: `/media/${ID}/w480.webp` }],
    ["svg extension", { ...good, src: `/media/${ID}/original.svg` }],
    ["missing width", { ...good, width: undefined }],
    ["negative height", { ...good, height: -5 }],
    ["fractional width", { ...good, width: 10.5 }],
    ["huge width", { ...good, width: 10_000_000 }],
    ["width as markup", { ...good, width: '1" onload="x' }],
  ])("%s → dropped", (_case, attrs) => {
    expect(render(doc(attrs))).toBe("");
  });

  test("alt that is not a string becomes empty", () => {
    expect(render(doc({ ...good, alt: { toString: "x" } }))).toContain('alt=""');
  });
});
