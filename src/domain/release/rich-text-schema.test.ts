import { renderToHTMLString } from "@tiptap/static-renderer/pm/html-string";
import { describe, expect, test } from "vitest";
import { hostileDoc, storableHostileDoc } from "../../../tests/security/xss-payloads";
import { EMPTY_DOC, textToDoc, type DocNode } from "./content";
import { checkDoc, editorExtensions } from "./rich-text-schema";

// The server accepts exactly what the editor can hold: its own output passes, anything else is
// refused with what and where.

const MEDIA = "/media/0123456789abcdef01234567/original.jpg";
const text = (t: string, marks?: DocNode["marks"]): DocNode => ({ type: "text", text: t, marks });
const para = (...content: DocNode[]): DocNode => ({ type: "paragraph", content });
const doc = (...content: DocNode[]): DocNode => ({ type: "doc", content });
// A link mark as the editor writes it (tiptap stores its rendering attributes too).
const link = (href: string) => ({
  type: "link",
  attrs: { href, target: "_blank", rel: "noopener noreferrer nofollow", class: null, title: null },
});

describe("what the editor writes is accepted", () => {
  test.each<[string, DocNode]>([
    ["the empty body", EMPTY_DOC],
    ["the editor's empty body", doc({ type: "paragraph" })],
    ["plain text import", textToDoc("one\n\ntwo")],
    [
      "marks",
      doc(
        para(text("b", [{ type: "bold" }, { type: "italic" }]), text("u", [{ type: "underline" }, { type: "strike" }])),
      ),
    ],
    [
      "links",
      doc(
        para(
          text("site", [link("/zh/news/a")]),
          text("out", [link("https://example.org/")]),
          text("m", [link("mailto:a@b.example")]),
        ),
      ),
    ],
    [
      "headings 2 to 4",
      doc(...[2, 3, 4].map((level) => ({ type: "heading", attrs: { level }, content: [text("h")] }))),
    ],
    [
      "lists",
      doc({
        type: "bulletList",
        content: [
          {
            type: "listItem",
            content: [
              para(text("a")),
              {
                type: "orderedList",
                attrs: { start: 3, type: null },
                content: [{ type: "listItem", content: [para(text("b"))] }],
              },
            ],
          },
        ],
      }),
    ],
    [
      "quote, rule, line break",
      doc(
        { type: "blockquote", content: [para(text("q"), { type: "hardBreak" }, text("r"))] },
        { type: "horizontalRule" },
      ),
    ],
    ["our image", doc({ type: "image", attrs: { src: MEDIA, alt: "图", title: null, width: 800, height: 600 } })],
  ])("%s", (_name, input) => {
    expect(checkDoc(input)).toBeNull();
  });
});

describe("anything else is refused, naming what and where", () => {
  test.each<[string, DocNode, { item: string; block: number }]>([
    ["an unknown node", doc(para(text("ok")), { type: "html", content: [text("x")] }), { item: "html", block: 2 }],
    ["text outside paragraphs", doc(para(text("ok")), text("loose")), { item: "text", block: 2 }],
    [
      "a heading of level 1",
      doc({ type: "heading", attrs: { level: 1 }, content: [text("h")] }),
      { item: "heading level=1", block: 1 },
    ],
    ["a heading without level", doc({ type: "heading", content: [text("h")] }), { item: "heading level", block: 1 }],
    ["a paragraph in a paragraph", doc(para(para(text("x")))), { item: "paragraph", block: 1 }],
    [
      "a list item outside a list",
      doc({ type: "listItem", content: [para(text("x"))] }),
      { item: "listItem", block: 1 },
    ],
    ["a list without items", doc({ type: "bulletList", content: [para(text("x"))] }), { item: "bulletList", block: 1 }],
    ["an unknown mark", doc(para(text("x", [{ type: "evil" }]))), { item: "evil", block: 1 }],
    [
      "a style attribute",
      doc({ type: "paragraph", attrs: { style: "x" }, content: [text("x")] }),
      { item: "paragraph style", block: 1 },
    ],
    [
      "a javascript: link",
      doc(para(text("x", [link("javascript:alert(1)")]))),
      { item: "link href=javascript:alert(1)", block: 1 },
    ],
    [
      "an off-site backslash link",
      doc(para(text("x", [link("/\\evil.example")]))),
      { item: "link href=/\\evil.example", block: 1 },
    ],
    [
      "an outside image",
      doc({ type: "image", attrs: { src: "https://evil.example/x.png" } }),
      { item: "image src=https://evil.example/x.png", block: 1 },
    ],
    ["an empty text node", doc(para(text(""))), { item: "text", block: 1 }],
    ["a doc inside the doc", doc(doc(para(text("x")))), { item: "doc", block: 1 }],
    ["a mark twice", doc(para(text("x", [{ type: "bold" }, { type: "bold" }]))), { item: "bold", block: 1 }],
    [
      "attributes on bold",
      doc(para(text("x", [{ type: "bold", attrs: { onclick: "x" } }]))),
      { item: "bold onclick", block: 1 },
    ],
    [
      "a leaf with content",
      doc({ type: "horizontalRule", content: [text("x")] }),
      { item: "horizontalRule", block: 1 },
    ],
  ])("%s", (_name, input, problem) => {
    expect(checkDoc(input)).toEqual(problem);
  });

  test("the XSS corpus document is refused; its storable variant (payloads as text) is accepted", () => {
    expect(checkDoc(hostileDoc() as DocNode)).not.toBeNull();
    expect(checkDoc(storableHostileDoc() as DocNode)).toBeNull();
  });
});

describe("the editor renders links it holds like the public site does", () => {
  const html = (d: DocNode) => renderToHTMLString({ content: d, extensions: editorExtensions });
  test.each([link("https://example.org/"), { type: "link", attrs: { href: "https://example.org/" } }])(
    "an off-site link opens without opener or referrer (%j)",
    (mark) => {
      const out = html(doc(para(text("out", [mark]))));
      expect(out).toContain('href="https://example.org/"');
      expect(out).toMatch(/rel="noopener noreferrer( nofollow)?"/);
    },
  );
  test("a link the site would refuse has no target in the editor either", () => {
    const out = html(doc(para(text("x", [link("/\\evil.example")]))));
    expect(out).not.toContain("evil.example");
  });
});
