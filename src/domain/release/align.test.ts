import { describe, expect, test } from "vitest";
import { alignBlocks } from "./align";

const zh = (n: number) => "中".repeat(n);
const en = (n: number) => "e".repeat(n);

describe("alignBlocks", () => {
  test("same number of paragraphs: by position", () => {
    expect(alignBlocks([zh(10), zh(50)], [en(200), en(5)])).toEqual([0, 1]);
  });

  test("an English paragraph missing in the middle leaves its Chinese paragraph unpaired", () => {
    const z = [zh(40), zh(120), zh(60), zh(30)];
    const e = [en(120), en(180), en(90)]; // the 120-character one has no translation
    expect(alignBlocks(z, e)).toEqual([0, null, 1, 2]);
  });

  test("an extra English paragraph (a translator's note) never yields a wrong pair", () => {
    const z = [zh(40), zh(60)];
    const e = [en(130), en(60), en(200)];
    const out = alignBlocks(z, e);
    expect(out[0]).toBe(0);
    expect([2, null]).toContain(out[1]);
  });

  test("two Chinese paragraphs merged into one English paragraph are not trusted as 1-1", () => {
    const z = [zh(50), zh(50), zh(50), zh(100)];
    const e = [en(150), en(300), en(300)];
    const out = alignBlocks(z, e);
    expect(out[3]).toBe(2);
    expect(out.filter((x) => x !== null)).toHaveLength(2);
  });

  test("no English at all", () => {
    expect(alignBlocks([zh(3), zh(4)], [])).toEqual([null, null]);
  });
});
