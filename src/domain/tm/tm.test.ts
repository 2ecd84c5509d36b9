import { describe, expect, test } from "vitest";
import { KEY_COUNT, minHashKeys, normalizeSegment, symbols } from "./keys";
import { boundedDistance, similarity } from "./similarity";

describe("normalizeSegment and symbols", () => {
  test("full-width forms, case and spaces fold; punctuation is not a symbol", () => {
    expect(normalizeSegment("  ＩＰ５  合作，\n双方 ")).toBe("ip5 合作, 双方");
    expect(symbols(normalizeSegment("双方就IP5合作交换了意见。"))).toEqual([
      "双",
      "方",
      "就",
      "ip5",
      "合",
      "作",
      "交",
      "换",
      "了",
      "意",
      "见",
    ]);
  });
});

describe("minHashKeys", () => {
  const text = normalizeSegment("双方还就五局合作和双边合作交换了意见。");
  test("one key per column, as signed 32-bit integers, identical for identical text", () => {
    const keys = minHashKeys(text)!;
    expect(keys).toHaveLength(KEY_COUNT);
    for (const k of keys) expect(k).toBe(k | 0);
    expect(minHashKeys(normalizeSegment("双方还就五局合作和双边合作交换了意见。"))).toEqual(keys);
  });
  test("a near-duplicate shares most keys; an unrelated text shares almost none", () => {
    const keys = minHashKeys(text)!;
    const near = minHashKeys(normalizeSegment("双方还就五局合作和双边合作交换了意见，并商定下次会议安排。"))!;
    const far = minHashKeys(normalizeSegment("国家知识产权局发布2019年中国专利调查报告"))!;
    const shared = (a: number[], b: number[]) => a.filter((k, i) => b[i] === k).length;
    expect(shared(keys, near)).toBeGreaterThanOrEqual(3);
    expect(shared(keys, far)).toBeLessThanOrEqual(1);
  });
  test("punctuation only: no keys", () => {
    expect(minHashKeys(normalizeSegment("。，、"))).toBeNull();
  });
});

describe("similarity", () => {
  test("identical is 100, a difference at most 99, below the threshold null", () => {
    expect(similarity("abc", "abc")).toBe(100);
    expect(similarity("a".repeat(200), `${"a".repeat(199)}b`)).toBe(99);
    expect(similarity("双方还就五局合作交换了意见", "双方还就双边合作交换了意见")).toBe(84);
    expect(similarity("完全不同的文字", "另一段话")).toBeNull();
  });
  test("the banded distance equals the full Levenshtein distance when within the band", () => {
    const cases: [string, string][] = [
      ["kitten", "sitting"],
      ["", "abc"],
      ["flaw", "lawn"],
      ["中华人民共和国", "中华民国"],
    ];
    for (const [a, b] of cases) {
      expect(boundedDistance(Array.from(a), Array.from(b), 10)).toBe(levenshtein(a, b));
      expect(boundedDistance(Array.from(a), Array.from(b), levenshtein(a, b) - 1)).toBeNull();
    }
  });
});

function levenshtein(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++)
      cur[j] = Math.min(prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1), prev[j]! + 1, cur[j - 1]! + 1);
    prev = cur;
  }
  return prev[y.length]!;
}
