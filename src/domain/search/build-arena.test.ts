import { describe, expect, it } from "vitest";
import { Arena } from "./build-arena";

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
