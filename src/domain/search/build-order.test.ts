import { describe, expect, it } from "vitest";
import { FIELD_SPAN, NAMED, orderedKeys, pairToken, tokenName } from "./build-order";
import { CODE_SPAN } from "./text";

const code = (s: string) => s.charCodeAt(0) - 0x3000;
const pair = (s: string) => CODE_SPAN + code(s[0]!) * CODE_SPAN + code(s[1]!);

describe("orderedKeys", () => {
  const prefixes = ["t", "b", "s"];
  const names = ["video", "patent", "apple", "zoo", "office", "patents"];
  const keyOf = (field: number, token: number) => field * FIELD_SPAN + token;
  const nameOf = (key: number) => prefixes[Math.floor(key / FIELD_SPAN)]! + tokenName(key % FIELD_SPAN, names);

  it("orders list keys as their key strings: names each before its pairs, then each character before its bigrams", () => {
    const keys = [
      keyOf(0, pair("国家")),
      keyOf(1, NAMED + 0),
      keyOf(0, code("国")),
      keyOf(2, NAMED + 3),
      keyOf(0, pairToken(1, 4)), // "patent office"
      keyOf(0, NAMED + 2),
      keyOf(0, NAMED + 5), // "patents"
      keyOf(0, code("图")),
      keyOf(0, pair("国外")),
      keyOf(0, pairToken(1, 2)), // "patent apple"
      keyOf(1, code("国")),
      keyOf(0, NAMED + 1),
      keyOf(1, NAMED + 2),
      keyOf(1, pairToken(3, 0)), // "zoo video", with neither word's own list open
    ];
    const ordered = [...orderedKeys({ keys, prefixes, names })];
    expect(ordered.map(nameOf)).toEqual(keys.map(nameOf).sort());
    expect([...ordered].sort()).toEqual([...keys].sort());
  });

  it("names a pair by its two words", () => {
    expect(tokenName(pairToken(1, 4), names)).toBe("patent office");
    expect(tokenName(NAMED + 3, names)).toBe("zoo");
    expect(tokenName(code("国"), names)).toBe("国");
  });

  it("returns nothing for no keys", () => {
    expect(orderedKeys({ keys: [], prefixes, names })).toHaveLength(0);
  });
});
