import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { diffSequences, type DiffOp } from "./sequence";

// The bounded Myers diff: a valid edit script always, a shortest one when within budget, and never
// more work than the budget whatever the input (work is counted, not timed).

/** Rebuilds both sides from the operations: every element accounted for, in order, once. */
function replay<T>(a: ArrayLike<T>, b: ArrayLike<T>, ops: DiffOp[]) {
  const left: T[] = [];
  const right: T[] = [];
  let i = 0;
  let j = 0;
  for (const op of ops) {
    expect(op.length).toBeGreaterThan(0);
    if (op.kind !== "added") expect(op.a).toBe(i);
    if (op.kind !== "removed") expect(op.b).toBe(j);
    for (let k = 0; k < op.length; k++) {
      if (op.kind === "same") expect(a[i + k]).toEqual(b[j + k]);
      if (op.kind !== "added") left.push(a[i + k]!);
      if (op.kind !== "removed") right.push(b[j + k]!);
    }
    if (op.kind !== "added") i += op.length;
    if (op.kind !== "removed") j += op.length;
  }
  expect(left).toEqual(Array.from(a));
  expect(right).toEqual(Array.from(b));
}

function lcsLength<T>(a: readonly T[], b: readonly T[]): number {
  const row = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let diag = 0;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j]!;
      row[j] = a[i - 1] === b[j - 1] ? diag + 1 : Math.max(row[j]!, row[j - 1]!);
      diag = up;
    }
  }
  return row[b.length]!;
}

const edits = (ops: DiffOp[]) => ops.filter((o) => o.kind !== "same").reduce((n, o) => n + o.length, 0);
const sign = { same: "=", added: "+", removed: "-" } as const;
const show = (a: string, b: string, ops: DiffOp[]) =>
  ops
    .map((o) => `${sign[o.kind]}${o.kind === "added" ? b.slice(o.b, o.b + o.length) : a.slice(o.a, o.a + o.length)}`)
    .join("|");

describe("exact results within the budget", () => {
  test.each([
    ["", "", ""],
    ["abc", "abc", "=abc"],
    ["abc", "", "-abc"],
    ["", "abc", "+abc"],
    ["ab", "axb", "=a|+x|=b"],
    ["abc", "ac", "=a|-b|=c"],
    ["a", "b", "-a|+b"],
    ["kitten", "sitting", "-k|+s|=itt|-e|+i|=n|+g"],
  ])("characters: %j → %j", (a, b, expected) => {
    const result = diffSequences(a, b);
    expect(result.exact).toBe(true);
    expect(show(a, b, result.ops)).toBe(expected);
  });

  test("generated sequences: a valid and shortest edit script", () => {
    const seq = fc.array(fc.constantFrom("a", "b", "c", "d"), { maxLength: 40 });
    fc.assert(
      fc.property(seq, seq, (a, b) => {
        const result = diffSequences(a, b);
        expect(result.exact).toBe(true);
        replay(a, b, result.ops);
        expect(edits(result.ops)).toBe(a.length + b.length - 2 * lcsLength(a, b));
      }),
      { numRuns: 500 },
    );
  });

  test("a custom equality function (case-insensitive)", () => {
    const result = diffSequences(["A", "b", "C"], ["a", "B", "x"], {
      equals: (x, y) => x.toLowerCase() === y.toLowerCase(),
    });
    expect(result.ops.map((o) => `${o.kind}:${o.length}`)).toEqual(["same:2", "removed:1", "added:1"]);
  });
});

describe("bounded work on adversarial inputs", () => {
  const random = (seed: number) => () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;

  const adversarial: [string, number[], number[]][] = (() => {
    const n = 20_000;
    const rnd = random(7);
    const perm = Array.from({ length: n }, (_, i) => i).sort(() => rnd() - 0.5);
    return [
      ["nothing in common", Array.from({ length: n }, (_, i) => i), Array.from({ length: n }, (_, i) => n + i)],
      ["same elements, shuffled", Array.from({ length: n }, (_, i) => i), perm],
      [
        "two-letter noise",
        Array.from({ length: n }, () => (rnd() < 0.5 ? 0 : 1)),
        Array.from({ length: n }, () => (rnd() < 0.5 ? 0 : 1)),
      ],
      [
        "every other element changed",
        Array.from({ length: n }, (_, i) => i),
        Array.from({ length: n }, (_, i) => (i % 2 ? -i : i)),
      ],
    ];
  })();

  test.each(adversarial)("%s: at most the budget, still a valid edit script", (_name, a, b) => {
    const maxWork = 200_000;
    const result = diffSequences(a, b, { maxWork });
    expect(result.work).toBeLessThanOrEqual(maxWork);
    replay(a, b, result.ops);
  });

  test("work grows with the edit distance, not with N×M: one change in 100,000 elements", () => {
    const a = Array.from({ length: 100_000 }, (_, i) => i);
    const b = [...a.slice(0, 50_000), -1, ...a.slice(50_000)];
    const result = diffSequences(a, b, { maxWork: 300_000 });
    expect(result.exact).toBe(true);
    expect(result.work).toBeLessThan(250_000); // prefix and suffix scans, a handful of diagonals
    expect(result.ops.map((o) => o.kind)).toEqual(["same", "added", "same"]);
  });

  test("a zero budget gives one coarse changed block", () => {
    const result = diffSequences("abc", "abd", { maxWork: 0 });
    expect(result).toEqual({
      ops: [
        { kind: "removed", a: 0, length: 3 },
        { kind: "added", b: 0, length: 3 },
      ],
      exact: false,
      work: 0,
    });
  });
});
