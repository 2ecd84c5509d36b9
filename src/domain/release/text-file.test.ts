import { describe, expect, test } from "vitest";
import { SUMMARY_MAX } from "./schemas";
import { languageFile, parseReleaseText, summaryOf } from "./text-file";

const bytes = (s: string) => new TextEncoder().encode(s);

describe("text release files", () => {
  test.each([
    ["a.zh.txt", { base: "a", lang: "zh" }],
    ["Dup Name.EN.TXT", { base: "Dup Name", lang: "en" }],
    ["notes.txt", null],
    ["a.fr.txt", null],
    [".zh.txt", null],
  ])("%s", (name, expected) => {
    expect(languageFile(name)).toEqual(expected);
  });

  test("title, summary from the lead paragraph, body of paragraphs; BOM and CRLF tolerated", () => {
    const parsed = parseReleaseText(bytes("\uFEFF标题\r\n\r\n第一段。\r\n\r\n第二段。\r\n"), "a-slug");
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.input.title).toBe("标题");
    expect(parsed.input.summary).toBe("第一段。");
    expect(JSON.parse(parsed.input.body).content).toHaveLength(2);
    expect(parsed.input.slug).toBe("a-slug");
  });

  test.each([
    [Uint8Array.from([0xe6, 0x96, 0x0a]), "not_utf8"],
    [bytes("a\0b\n\nc"), "nul_bytes"],
    [bytes(" \n\n "), "empty"],
    [bytes("\n\n正文。"), "no_title"],
    [bytes("只有标题"), "no_text"],
    [bytes(`${"长".repeat(201)}\n\n正文。`), { validation: "title_too_long" }],
  ])("problem %#", (input, problem) => {
    expect(parseReleaseText(input, "s")).toEqual({ ok: false, problem });
  });

  test("a long lead is cut at a sentence end, else with an ellipsis", () => {
    const sentence = "这是一句话。".repeat(300);
    const cut = summaryOf(sentence);
    expect(cut.length).toBeLessThanOrEqual(SUMMARY_MAX);
    expect(cut.endsWith("。")).toBe(true);
    const word = summaryOf("x".repeat(SUMMARY_MAX + 10));
    expect(word).toHaveLength(SUMMARY_MAX);
    expect(word.endsWith("…")).toBe(true);
  });
});
