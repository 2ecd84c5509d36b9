import { expect, test } from "vitest";
import { parseQuery, type Marks } from "./query";
import { highlight, snippet, type Segment } from "./snippet";

const marksOf = (q: string): Marks => {
  const p = parseQuery(q);
  if (!p.ok) throw new Error(p.rejected);
  return p.marks;
};
const show = (segments: Segment[]) => segments.map((s) => (s.hit ? `[${s.text}]` : s.text)).join("");

test.each([
  ["国家知识产权局召开会议", "知识产权局", "国家[知识产权局]召开会议"],
  ["疫情防控与疫苗", "疫", "[疫]情防控与[疫]苗"],
  ["IP5合作 and IP5 cooperation", "ip5 合作", "[IP5合作] and [IP5] cooperation"],
  ["Video Conferences on the conference", "conference", "Video [Conferences] on the [conference]"],
  ["<b>专利</b>", "专利", "<b>[专利]</b>"],
  ["nothing here", "专利", "nothing here"],
])("highlight(%s, %s)", (text, q, expected) => {
  expect(show(highlight(text, marksOf(q)))).toBe(expected);
});

test("snippet centres on the first hit and marks cuts", () => {
  const body = `${"前言".repeat(100)}专利审查${"后记".repeat(100)}`;
  const out = snippet([body], marksOf("专利"), 40);
  expect(out[0]).toEqual({ text: "…", hit: false });
  expect(out.at(-1)).toEqual({ text: "…", hit: false });
  expect(out.filter((s) => s.hit).map((s) => s.text)).toEqual(["专利"]);
  expect(show(out).length).toBeLessThanOrEqual(44);
});

test("snippet falls back to the next field, then to the start of the text", () => {
  expect(show(snippet(["no hit", "the Patent office"], marksOf("patents")))).toBe("the [Patent] office");
  expect(show(snippet(["", "Opening words of a summary"], marksOf("zzz"), 12))).toBe("Opening words…");
});

test("snippet does not cut English words", () => {
  const out = show(snippet(["alpha beta gamma delta epsilon"], marksOf("alpha"), 8));
  expect(out).toBe("[alpha] beta…");
});
