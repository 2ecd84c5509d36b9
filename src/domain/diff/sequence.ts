// A bounded, linear-space diff of two sequences (Myers' O(ND) algorithm with the middle-snake split,
// as in "An O(ND) Difference Algorithm and Its Variations", 1986). Generic: paragraphs, characters,
// anything with an equality function. The caller gives a work budget (comparisons and diagonal
// steps); past it, what is left becomes one coarse "changed block" (removed then added), so no input
// can cost more than the budget in time, and memory stays O(N + M) (plus O(sqrt(budget)) per split).

import { Budget, middleSnake } from "./middle-snake";

export type DiffOp =
  | { kind: "same"; a: number; b: number; length: number }
  | { kind: "removed"; a: number; length: number }
  | { kind: "added"; b: number; length: number };

export interface SequenceDiff {
  ops: DiffOp[];
  /** false when the budget ran out and part of the result is a coarse block (still a valid edit script) */
  exact: boolean;
  /** steps spent: at most `maxWork` (+1) */
  work: number;
}

export interface DiffOptions<T> {
  equals?: (x: T, y: T) => boolean;
  /** upper bound on the steps spent (each comparison and each diagonal visited is one step) */
  maxWork?: number;
}

export const DEFAULT_MAX_WORK = 1_000_000;

/** A range [aLo, aHi) × [bLo, bHi) still to be compared, or a run already known to be equal. */
type Task = { range: [aLo: number, aHi: number, bLo: number, bHi: number] } | { done: DiffOp };

export function diffSequences<T>(a: ArrayLike<T>, b: ArrayLike<T>, options: DiffOptions<T> = {}): SequenceDiff {
  const eq = options.equals ?? Object.is;
  const budget = new Budget(Math.max(0, options.maxWork ?? DEFAULT_MAX_WORK));
  const same = (i: number, j: number) => budget.spend() && eq(a[i]!, b[j]!);
  const raw: DiffOp[] = [];
  // An explicit stack instead of recursion: the leftmost pending task is always on top, so
  // operations come out in order.
  const stack: Task[] = [{ range: [0, a.length, 0, b.length] }];
  while (stack.length) {
    const task = stack.pop()!;
    if ("done" in task) {
      raw.push(task.done);
      continue;
    }
    let [aLo, aHi, bLo, bHi] = task.range;
    let prefix = 0;
    while (aLo + prefix < aHi && bLo + prefix < bHi && same(aLo + prefix, bLo + prefix)) prefix++;
    raw.push({ kind: "same", a: aLo, b: bLo, length: prefix });
    aLo += prefix;
    bLo += prefix;
    let suffix = 0;
    while (aHi - suffix > aLo && bHi - suffix > bLo && same(aHi - suffix - 1, bHi - suffix - 1)) suffix++;
    aHi -= suffix;
    bHi -= suffix;
    stack.push({ done: { kind: "same", a: aHi, b: bHi, length: suffix } });
    const split = aLo < aHi && bLo < bHi && !budget.exhausted ? middleSnake(same, budget, aLo, aHi, bLo, bHi) : null;
    const useful = split && !(split[0] === aLo && split[1] === bLo) && !(split[0] === aHi && split[1] === bHi);
    if (useful) {
      stack.push({ range: [split[0], aHi, split[1], bHi] }, { range: [aLo, split[0], bLo, split[1]] });
    } else {
      raw.push({ kind: "removed", a: aLo, length: aHi - aLo }, { kind: "added", b: bLo, length: bHi - bLo });
    }
  }
  return { ops: normalize(raw), exact: !budget.exhausted, work: budget.work };
}

/** Merges neighbours of one kind; in each changed region, what was removed comes before what was added. */
function normalize(raw: DiffOp[]): DiffOp[] {
  const out: DiffOp[] = [];
  let removed: { a: number; length: number } | null = null;
  let added: { b: number; length: number } | null = null;
  const flush = () => {
    if (removed) out.push({ kind: "removed", ...removed });
    if (added) out.push({ kind: "added", ...added });
    removed = added = null;
  };
  for (const op of raw) {
    if (op.length === 0) continue;
    if (op.kind === "removed") removed = removed ? { a: removed.a, length: removed.length + op.length } : { ...op };
    else if (op.kind === "added") added = added ? { b: added.b, length: added.length + op.length } : { ...op };
    else {
      flush();
      const last = out[out.length - 1];
      if (last?.kind === "same" && last.a + last.length === op.a && last.b + last.length === op.b)
        last.length += op.length;
      else out.push({ ...op });
    }
  }
  flush();
  return out;
}
