import { expect, test } from "vitest";
import { docBlocks, parseDoc, textToDoc } from "./content";
import { setBlockText } from "./insert";

const body = (...ps: string[]) => JSON.stringify(textToDoc(ps.join("\n\n")));
const blocks = (json: string) => docBlocks(parseDoc(json));

test("replaces the English paragraph at the same position", () => {
  expect(blocks(setBlockText(body("One.", "Two.", "Three."), 1, "Deux."))).toEqual(["One.", "Deux.", "Three."]);
});

test("appends when the English has fewer paragraphs; an empty editor gets its first paragraph", () => {
  expect(blocks(setBlockText(body("One."), 3, "Four."))).toEqual(["One.", "Four."]);
  expect(blocks(setBlockText(JSON.stringify({ type: "doc", content: [{ type: "paragraph" }] }), 0, "First."))).toEqual([
    "First.",
  ]);
});

test("the text stays text (no markup is interpreted)", () => {
  const out = parseDoc(setBlockText(body("x"), 0, "<b>not bold</b>"));
  expect(out.content![0]!.content).toEqual([{ type: "text", text: "<b>not bold</b>" }]);
});
