import { describe, expect, it } from "vitest";
import { Arena, TokenGroups } from "./build-arena";

/** Allocates regions of class 0 (8 words) until `words` are taken. */
function fill(arena: Arena, words: number) {
  while (arena.size < words) arena.alloc(0);
}

describe("Arena", () => {
  it("doubles while small, then stops at the expected size plus an eighth", () => {
    const expected = 3 * 2 ** 20; // words
    const arena = new Arena(expected);
    fill(arena, 2 ** 20 + 8);
    expect(arena.words.length).toBe(2 ** 21);
    fill(arena, 2 ** 21 + 8);
    // Doubling would give 4 Mi words; the cap is 3 Mi × 9/8.
    expect(arena.words.length).toBe(Math.ceil((expected * 9) / 8));
    fill(arena, Math.ceil((expected * 9) / 8) + 8);
    expect(arena.words.length).toBe(2 * Math.ceil((expected * 9) / 8));
  });

  it("keeps what was written when it grows, and reuses released regions", () => {
    const arena = new Arena(2 ** 20);
    const first = arena.alloc(2);
    arena.words[first] = 42;
    fill(arena, 2 ** 20 + 8);
    expect(arena.words[first]).toBe(42);
    const size = arena.size;
    arena.release(first, 2);
    expect(arena.alloc(2)).toBe(first);
    expect(arena.size).toBe(size);
  });
});

describe("TokenGroups", () => {
  /** token → positions, in the order tokens first occur */
  const groupsOf = (g: TokenGroups) =>
    Array.from({ length: g.size }, (_, t) => [
      g.tokens[t]!,
      [...g.positions.subarray(g.start[t], g.start[t]! + g.count[t]!)],
    ]);

  it("groups positions by token, tokens in the order they first occur, positions in order", () => {
    const g = new TokenGroups();
    const big = 2 ** 52 + 3; // keys up to 2^53 (field, pair of names)
    [7, big, 7, 0, big, 7].forEach((key, at) => g.push(key, at));
    g.group();
    expect(groupsOf(g)).toEqual([
      [7, [0, 2, 5]],
      [big, [1, 4]],
      [0, [3]],
    ]);
  });

  it("starts over after each group, and grows past its first arrays", () => {
    const g = new TokenGroups();
    g.push(1, 0);
    g.group();
    const n = 20_000; // more positions and tokens than the arrays first hold
    for (let at = 0; at < n; at++) g.push(at % 7_000, at);
    g.group();
    expect(g.size).toBe(7_000);
    expect(groupsOf(g)[6_999]).toEqual([6_999, [6_999, 13_999]]);
    expect(groupsOf(g)[0]).toEqual([0, [0, 7_000, 14_000]]);
    g.group();
    expect(g.size).toBe(0);
  });
});
