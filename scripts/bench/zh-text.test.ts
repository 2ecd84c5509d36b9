import { describe, expect, test } from "vitest";
import { rng } from "./random";
import { ZH_CHARS } from "./zh-chars";
import { charProbabilities, topShares } from "./zh-frequency";
import { zhText } from "./zh-text";
import { ZH_WORDS } from "./zh-words";

/** GB 2312 level 1: the 3,755 most common characters (rows 16–55), decoded by Node's own ICU. */
function gb2312Level1(): Set<string> {
  const decoder = new TextDecoder("gbk");
  const set = new Set<string>();
  for (let row = 0xb0; row <= 0xd7; row++)
    for (let cell = 0xa1; cell <= 0xfe; cell++) {
      if (row === 0xd7 && cell > 0xf9) continue;
      set.add(decoder.decode(new Uint8Array([row, cell])));
    }
  return set;
}

const chars = Array.from(ZH_CHARS);
const sample = (() => {
  const text = zhText(rng(11));
  let s = "";
  while (s.length < 250_000) s += text.paragraph();
  return s;
})();

describe("character list", () => {
  test("3,600+ distinct characters, all among the 3,755 most common (GB 2312 level 1)", () => {
    expect(new Set(chars).size).toBe(chars.length);
    expect(chars.length).toBeGreaterThanOrEqual(3600);
    const common = gb2312Level1();
    expect(chars.filter((c) => !common.has(c))).toEqual([]);
  });

  test("starts with the most frequent characters of modern Chinese", () => {
    expect(chars.slice(0, 10).join("")).toBe("的一是在不了有和人这");
  });

  test("every character of the word list is in the character list", () => {
    const set = new Set(chars);
    expect(ZH_WORDS.filter((w) => Array.from(w).some((c) => !set.has(c)))).toEqual([]);
  });

  test("target frequencies meet the published anchors", () => {
    const p = charProbabilities();
    const top = (k: number) => p.slice(0, k).reduce((a, b) => a + b, 0);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    expect(p[0]).toBeCloseTo(0.041, 6);
    const within = (k: number, lo: number, hi: number) => {
      expect(top(k) * 100, `top ${k}`).toBeGreaterThanOrEqual(lo);
      expect(top(k) * 100, `top ${k}`).toBeLessThanOrEqual(hi);
    };
    within(10, 12, 15);
    within(100, 40, 45);
    within(1000, 84, 90);
    within(2500, 96, 98);
  });
});

describe("generated Chinese", () => {
  const [top1, top10, top100, top1000] = topShares(sample, [1, 10, 100, 1000]).map((x) => x * 100);

  test("character shares within the anchors of real modern Chinese", () => {
    const within = (name: string, share: number | undefined, lo: number, hi: number) => {
      expect(share, name).toBeGreaterThanOrEqual(lo);
      expect(share, name).toBeLessThanOrEqual(hi);
    };
    within("top 1", top1, 3, 5);
    within("top 10", top10, 12, 15);
    within("top 100", top100, 40, 45);
    within("top 1000", top1000, 85, 90);
  });

  test("的 is the most frequent character; no character outside the list", () => {
    const counts = new Map<string, number>();
    for (const c of sample) if (/\p{Script=Han}/u.test(c)) counts.set(c, (counts.get(c) ?? 0) + 1);
    const ranked = [...counts].sort((a, b) => b[1] - a[1]);
    expect(ranked[0]![0]).toBe("的");
    const set = new Set(chars);
    expect(ranked.filter(([c]) => !set.has(c))).toEqual([]);
  });

  test("real words and mixed Latin tokens occur", () => {
    for (const w of ["知识产权", "专利", "商标", "会议", "5G"]) expect(sample).toContain(w);
    expect(sample).toMatch(/20\d\d年/);
  });

  test("same seed, same text; another seed, other text", () => {
    const a = zhText(rng(5));
    const b = zhText(rng(5));
    const c = zhText(rng(6));
    const first = a.paragraph();
    expect(b.paragraph()).toBe(first);
    expect(c.paragraph()).not.toBe(first);
  });
});
