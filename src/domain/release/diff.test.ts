import { expect, test } from "vitest";
import { MAX_DIFF_BLOCKS, MAX_DIFF_CHARS, MAX_DIFF_WORK, diffBlocks, diffBlocksBounded, type DiffPart } from "./diff";

const sign = { same: "=", added: "+", removed: "-" } as const;
const show = (parts: DiffPart[]) => parts.map((p) => `${sign[p.kind]} ${p.text}`).join("|");

test.each([
  [["a", "b", "c"], ["a", "b", "c"], "= a|= b|= c"],
  [["a", "b"], ["a", "x", "b"], "= a|+ x|= b"],
  [["a", "b", "c"], ["a", "c"], "= a|- b|= c"],
  [["a"], ["b"], "- a|+ b"],
  [[], ["a"], "+ a"],
  [["t", "p1", "p2", "p3"], ["t", "p1 changed", "p2", "p3", "p4"], "= t|- p1|+ p1 changed|= p2|= p3|+ p4"],
])("diff %j → %j", (before, after, expected) => {
  expect(show(diffBlocks(before, after))).toBe(expected);
});

/** Every paragraph of both sides appears once, in order. */
function expectComplete(before: string[], after: string[], parts: DiffPart[]) {
  expect(parts.filter((p) => p.kind !== "added").map((p) => p.text)).toEqual(before);
  expect(parts.filter((p) => p.kind !== "removed").map((p) => p.text)).toEqual(after);
}

// Two large saves rewritten throughout (the history page that blocked the server for 3.8 s with
// the full LCS table): the work stays within the bound and the result still lists everything.
test("two completely different large documents: bounded work, complete result", () => {
  const before = Array.from({ length: 4_000 }, (_, i) => `Paragraph ${i} of the first save, some English text.`);
  const after = Array.from({ length: 4_000 }, (_, i) => `Paragraph ${i} of the second save, rewritten.`);
  const result = diffBlocksBounded(before, after);
  expect(result.work).toBeLessThanOrEqual(MAX_DIFF_WORK);
  expectComplete(before, after, result.parts);
});

test("interleaved edits on every other paragraph: bounded work, complete result", () => {
  const before = Array.from({ length: 4_000 }, (_, i) => `p${i}`);
  const after = before.map((p, i) => (i % 2 ? `${p} edited` : p)).reverse();
  const result = diffBlocksBounded(before, after);
  expect(result.work).toBeLessThanOrEqual(MAX_DIFF_WORK);
  expectComplete(before, after, result.parts);
});

test("beyond the paragraph and character bounds the rest is one changed block", () => {
  const many = Array.from({ length: MAX_DIFF_BLOCKS + 10 }, (_, i) => `p${i}`);
  const result = diffBlocksBounded(many, many);
  expect(result.exact).toBe(false);
  expectComplete(many, many, result.parts);
  expect(result.parts.filter((p) => p.kind === "same")).toHaveLength(MAX_DIFF_BLOCKS);

  const huge = ["x".repeat(MAX_DIFF_CHARS), "tail"];
  const long = diffBlocksBounded(huge, huge);
  expect(long.exact).toBe(false);
  expect(show(long.parts).endsWith("- tail|+ tail")).toBe(true);
});

test("a small edit in a large document is exact and cheap", () => {
  const before = Array.from({ length: 4_000 }, (_, i) => `p${i}`);
  const after = [...before.slice(0, 2_000), "inserted", ...before.slice(2_000)];
  const result = diffBlocksBounded(before, after);
  expect(result.exact).toBe(true);
  expect(result.parts.filter((p) => p.kind !== "same")).toEqual([{ kind: "added", text: "inserted" }]);
  expect(result.work).toBeLessThan(10_000);
});
