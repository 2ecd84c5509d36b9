import { describe, expect, test } from "vitest";
import { docBlocks, parseDoc, type DocNode } from "../release/content";
import {
  alignCodes,
  fromInline,
  inlineCodes,
  inlineSignature,
  inlineText,
  resolveCodes,
  toInline,
  type Inline,
} from "./inline";
import { releaseUnits, translatedBody } from "./units";

const text = (t: string, marks?: DocNode["marks"]): DocNode =>
  marks ? { type: "text", text: t, marks } : { type: "text", text: t };
const bold = { type: "bold" };
const italic = { type: "italic" };
const link = { type: "link", attrs: { href: "https://www.cnipa.gov.cn/", target: "_blank" } };

const body = JSON.stringify({
  type: "doc",
  content: [
    { type: "heading", attrs: { level: 2 }, content: [text("会议议程")] },
    {
      type: "paragraph",
      content: [
        text("第一段"),
        text("加粗", [bold]),
        text("并且", [bold, italic]),
        { type: "hardBreak" },
        text("链接", [link]),
      ],
    },
    { type: "paragraph" },
    { type: "image", attrs: { src: "/media/abc/original.png", alt: "会场", width: 10, height: 10 } },
    { type: "bulletList", content: [{ type: "listItem", content: [{ type: "paragraph", content: [text("专利")] }] }] },
  ],
});

describe("inline trees", () => {
  const tree = toInline(parseDoc(body).content![1]!.content!);
  test("marks nest (bold around bold+italic), breaks and links get ids in order", () => {
    expect(inlineText(tree)).toBe("第一段加粗并且\n链接");
    // The break sits inside the bold span (the text around it is bold); the link closes it.
    expect(tree.map((n) => n.kind)).toEqual(["text", "span", "span"]);
    const codes = inlineCodes(tree);
    expect([...codes.keys()]).toEqual([1, 2, 3, 4]);
    expect(codes.get(4)).toMatchObject({ kind: "span", mark: link });
  });
  test("round trip back to tiptap keeps every text node's marks", () => {
    const back = fromInline(tree);
    expect(back).toEqual(parseDoc(body).content![1]!.content!);
  });
  test("the signature ignores ids and spacing but not where formatting sits", () => {
    const moved = toInline([
      text("第一段加粗", [bold]),
      text("并且", [bold, italic]),
      { type: "hardBreak" },
      text("链接", [link]),
    ]);
    expect(inlineSignature(moved)).not.toBe(inlineSignature(tree));
    expect(inlineSignature(toInline([text("a  b")]))).toBe(inlineSignature(toInline([text("a b ")])));
  });
});

describe("release units", () => {
  test("title, summary, every non-empty text block in docBlocks order, then image alt texts", () => {
    const units = releaseUnits({ title: "标题", summary: "摘要", body });
    expect(units.map((u) => u.id)).toEqual(["title", "summary", "body-1", "body-2", "body-3", "image-1"]);
    expect(units.filter((u) => u.kind === "block").map((u) => inlineText(u.inline))).toEqual(docBlocks(parseDoc(body)));
  });

  test("the English body keeps the Chinese structure with the translated blocks and alt texts", () => {
    const en: Record<string, string> = { "body-1": "Agenda", "body-2": "First", "body-3": "Patents" };
    const doc = translatedBody(
      body,
      (id) => (en[id] ? [text(en[id])] : []),
      () => "The venue",
    );
    expect(docBlocks(doc)).toEqual(["Agenda", "First", "Patents"]);
    expect(doc.content?.[0]).toMatchObject({ type: "heading", attrs: { level: 2 } });
    expect(doc.content?.find((n) => n.type === "image")?.attrs).toMatchObject({
      alt: "The venue",
      src: "/media/abc/original.png",
    });
    expect(doc.content?.at(-1)?.type).toBe("bulletList");
  });
});

describe("codes between source and target", () => {
  const src = toInline([
    { type: "text", text: "甲" },
    { type: "text", text: "乙", marks: [{ type: "bold" }] },
    { type: "text", text: "丙", marks: [{ type: "link", attrs: { href: "https://a.example/" } }] },
  ]);
  test("alignCodes gives the English the source's ids for the same kind of code", () => {
    const en = toInline([
      { type: "text", text: "C", marks: [{ type: "link", attrs: { href: "https://a.example/" } }] },
      { type: "text", text: "B", marks: [{ type: "bold" }] },
      { type: "text", text: "I", marks: [{ type: "italic" }] },
    ]);
    const aligned = alignCodes(src, en);
    expect(aligned.map((n) => (n.kind === "span" ? [n.mark.type, n.id] : null))).toEqual([
      ["link", 2],
      ["bold", 1],
      ["italic", 3],
    ]);
  });
  test("resolveCodes takes marks from the source: a link keeps its href, an unknown link is text", () => {
    const target: Inline[] = [
      { kind: "span", id: 2, mark: { type: "link" }, children: [{ kind: "text", text: "C" }] },
      { kind: "span", id: 9, mark: { type: "link" }, children: [{ kind: "text", text: "X" }] },
      { kind: "span", id: 8, mark: { type: "italic" }, children: [{ kind: "text", text: "I" }] },
      { kind: "span", id: 1, mark: { type: "unknown" }, children: [{ kind: "text", text: "B" }] },
    ];
    const nodes = fromInline(resolveCodes(src, target));
    expect(nodes).toEqual([
      { type: "text", text: "C", marks: [{ type: "link", attrs: { href: "https://a.example/" } }] },
      { type: "text", text: "X" },
      { type: "text", text: "I", marks: [{ type: "italic" }] },
      { type: "text", text: "B", marks: [{ type: "bold" }] },
    ]);
  });
});
