// A bounded, linear-space diff of two sequences (Myers' O(ND) algorithm with the middle-snake split,
// as in "An O(ND) Difference Algorithm and Its Variations", 1986). Generic: paragraphs, characters,
// anything with an equality function. The caller gives a work budget (comparisons and diagonal
// steps); past it, what is left becomes one coarse "changed block" (removed then added), so no input
// can cost more than the budget in time, and memory stays O(N + M) (plus O(sqrt(budget)) per split).

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

class Budget {
  work = 0;
  exhausted = false;
  constructor(readonly max: number) {}
  /** Spends one step; false once the budget is gone. */
  spend(): boolean {
    if (this.work >= this.max) return !(this.exhausted = true);
    this.work++;
    return true;
  }
}

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

/**
 * The point where a shortest edit path crosses the middle of its length, searched from both ends at
 * once (diff-match-patch's "bisect" formulation). null when the budget runs out first (the budget is
 * then marked exhausted), or when the two ranges have nothing in common.
 */
function middleSnake(
  same: (i: number, j: number) => boolean,
  budget: Budget,
  aLo: number,
  aHi: number,
  bLo: number,
  bHi: number,
): [number, number] | null {
  const n = aHi - aLo;
  const m = bHi - bLo;
  const full = Math.ceil((n + m) / 2);
  // D rounds cost at least D²/2 steps, so D never exceeds sqrt(2·budget): the arrays need no more.
  const maxD = Math.min(full, Math.ceil(Math.sqrt(2 * (budget.max - budget.work))) + 1);
  const offset = maxD + 1;
  const size = 2 * offset + 1;
  const forward = new Int32Array(size).fill(-1);
  const backward = new Int32Array(size).fill(-1);
  forward[offset + 1] = 0;
  backward[offset + 1] = 0;
  const delta = n - m;
  const odd = (delta & 1) !== 0;
  // Diagonals that ran off the grid are skipped from then on: [from the start, from the end].
  let fStart = 0;
  let fEnd = 0;
  let bStart = 0;
  let bEnd = 0;
  for (let d = 0; d < maxD; d++) {
    for (let k = -d + fStart; k <= d - fEnd; k += 2) {
      if (!budget.spend()) return null;
      const i = offset + k;
      let x = k === -d || (k !== d && forward[i - 1]! < forward[i + 1]!) ? forward[i + 1]! : forward[i - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && same(aLo + x, bLo + y)) {
        x++;
        y++;
      }
      if (budget.exhausted) return null;
      forward[i] = x;
      if (x > n) fEnd += 2;
      else if (y > m) fStart += 2;
      else if (odd) {
        const j = offset + delta - k;
        if (j >= 0 && j < size && backward[j] !== -1 && x >= n - backward[j]!) return [aLo + x, bLo + y];
      }
    }
    for (let k = -d + bStart; k <= d - bEnd; k += 2) {
      if (!budget.spend()) return null;
      const i = offset + k;
      let x = k === -d || (k !== d && backward[i - 1]! < backward[i + 1]!) ? backward[i + 1]! : backward[i - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && same(aHi - x - 1, bHi - y - 1)) {
        x++;
        y++;
      }
      if (budget.exhausted) return null;
      backward[i] = x;
      if (x > n) bEnd += 2;
      else if (y > m) bStart += 2;
      else if (!odd) {
        const j = offset + delta - k;
        if (j >= 0 && j < size && forward[j] !== -1) {
          const fx = forward[j]!;
          if (fx >= n - x) return [aLo + fx, bLo + fx - (j - offset)];
        }
      }
    }
  }
  // Searched every D up to (N+M)/2 from both ends without meeting: nothing in common, the coarse
  // answer is exact. Stopped earlier by the budget-derived cap: not exact.
  if (maxD < full) budget.exhausted = true;
  return null;
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
