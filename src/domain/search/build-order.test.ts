import { describe, expect, it } from "vitest";
import { NAMED, orderedKeys, TWO32 } from "./build-order";
import { CODE_SPAN, tokenOfCode } from "./text";

const code = (s: string) => s.charCodeAt(0) - 0x3000;
const pair = (s: string) => CODE_SPAN + code(s[0]!) * CODE_SPAN + code(s[1]!);

describe("orderedKeys", () => {
  const prefixes = ["t", "b", "s"];
  const names = ["video", "patent office", "apple", "zoo"];
  const keyOf = (field: number, token: number) => field * TWO32 + token;
  const nameOf = (key: number) => {
    const token = key % TWO32;
    const name = token >= NAMED ? names[token - NAMED]! : tokenOfCode(token);
    return prefixes[Math.floor(key / TWO32)]! + name;
  };

  it("orders list keys as their key strings: names, then each character before its bigrams", () => {
    const keys = [
      keyOf(0, pair("国家")),
      keyOf(1, NAMED + 0),
      keyOf(0, code("国")),
      keyOf(2, NAMED + 3),
      keyOf(0, NAMED + 2),
      keyOf(0, code("图")),
      keyOf(0, pair("国外")),
      keyOf(1, code("国")),
      keyOf(0, NAMED + 1),
      keyOf(1, NAMED + 2),
    ];
    const ordered = [...orderedKeys({ keys, prefixes, names })];
    expect(ordered.map(nameOf)).toEqual(keys.map(nameOf).sort());
    expect([...ordered].sort()).toEqual([...keys].sort());
  });

  it("returns nothing for no keys", () => {
    expect(orderedKeys({ keys: [], prefixes, names })).toHaveLength(0);
  });
});
