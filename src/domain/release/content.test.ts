import { expect, test } from "vitest";
import { docBlocks, docToPlainText, parseDoc, slugify, textToDoc } from "./content";

test("textToDoc splits paragraphs on blank lines and joins wrapped lines", () => {
  const doc = textToDoc("第一段\n续行\n\n第二段\r\n\r\n\r\nThird");
  expect(docBlocks(doc)).toEqual(["第一段 续行", "第二段", "Third"]);
});

test("plain text walks lists, quotes and headings", () => {
  const doc = parseDoc(
    JSON.stringify({
      type: "doc",
      content: [
        { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "标题" }] },
        {
          type: "bulletList",
          content: [
            {
              type: "listItem",
              content: [{ type: "paragraph", content: [{ type: "text", text: "一", marks: [{ type: "bold" }] }] }],
            },
          ],
        },
        { type: "blockquote", content: [{ type: "paragraph", content: [{ type: "text", text: "引" }] }] },
      ],
    }),
  );
  expect(docToPlainText(doc)).toBe("标题\n\n一\n\n引");
});

test("a malformed document parses as empty, never throws", () => {
  expect(parseDoc("{nope").content).toEqual([]);
  expect(parseDoc('{"type":"p"}').content).toEqual([]);
});

test.each([
  ["CNIPA and KIPO: Video Conference!", "cnipa-and-kipo-video-conference"],
  ["Café  déjà vu", "cafe-deja-vu"],
  ["国家知识产权局", ""],
  ["IP5 合作 2020", "ip5-2020"],
])("slugify(%s) = %s", (title, slug) => expect(slugify(title)).toBe(slug));

test("a pathologically deep document is refused without exhausting the stack", () => {
  const depth = 20_000;
  const json =
    '{"type":"doc","content":[' +
    '{"type":"paragraph","content":['.repeat(depth) +
    '{"type":"text","text":"x"}' +
    "]}".repeat(depth) +
    "]}";
  expect(parseDoc(json).content).toEqual([]);
});
