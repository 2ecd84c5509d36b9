import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { charDiff, diffUnits, MAX_EDITS, MAX_UNITS, type CharPart } from "./char-diff";

const side = (parts: CharPart[], kind: "added" | "removed") =>
  parts
    .filter((p) => p.kind !== kind)
    .map((p) => p.text)
    .join("");

describe("charDiff", () => {
  test("the demo edit: a clause appended is one insertion, the rest is the same", () => {
    const before = "双方围绕专利、商标和地理标志保护开展交流。";
    const after = "双方围绕专利、商标和地理标志保护开展交流，并商定下次会议安排。";
    expect(charDiff(before, after)).toEqual([
      { kind: "same", text: "双方围绕专利、商标和地理标志保护开展交流" },
      { kind: "added", text: "，并商定下次会议安排" },
      { kind: "same", text: "。" },
    ]);
  });

  test("units: each Chinese character, a Latin word or a number, each punctuation mark, a run of spaces", () => {
    expect(diffUnits("IP5合作，2020年  ok!")).toEqual(["IP5", "合", "作", "，", "2020", "年", "  ", "ok", "!"]);
    expect(charDiff("第23次会议", "第24次会议")).toEqual([
      { kind: "same", text: "第" },
      { kind: "removed", text: "23" },
      { kind: "added", text: "24" },
      { kind: "same", text: "次会议" },
    ]);
  });

  test("bounded: too long or too different gives null instead of unbounded work", () => {
    expect(charDiff("中".repeat(MAX_UNITS), "中")).toBeNull();
    const a = Array.from({ length: MAX_EDITS }, (_, i) => String.fromCodePoint(0x4e00 + i)).join("");
    const b = Array.from({ length: MAX_EDITS }, (_, i) => String.fromCodePoint(0x5e00 + i)).join("");
    expect(charDiff(a, b)).toBeNull();
  });

  test("property: the parts rebuild both texts, and the edits are minimal (LCS length)", () => {
    const text = fc.string({ unit: fc.constantFrom("甲", "乙", "丙", "，", "a", " ", "1"), maxLength: 30 });
    fc.assert(
      fc.property(text, text, (a, b) => {
        const parts = charDiff(a, b)!;
        expect(side(parts, "added")).toBe(a);
        expect(side(parts, "removed")).toBe(b);
        const same = parts.filter((p) => p.kind === "same").flatMap((p) => diffUnits(p.text)).length;
        expect(same).toBe(lcs(diffUnits(a), diffUnits(b)));
      }),
      { numRuns: 300 },
    );
  });
});

function lcs(a: string[], b: string[]): number {
  const dp = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      dp[i]![j] = a[i - 1] === b[j - 1] ? dp[i - 1]![j - 1]! + 1 : Math.max(dp[i - 1]![j]!, dp[i]![j - 1]!);
  return dp[a.length]![b.length]!;
}
