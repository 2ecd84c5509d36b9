// The divide step of the linear-space Myers diff (sequence.ts): the point where a shortest edit path
// crosses the middle of its length, searched from both ends at once (diff-match-patch's "bisect"
// formulation), every step paid from a shared budget.

export class Budget {
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

type Split = [a: number, b: number];
const STOP = "stop";

/** One direction of the search: its furthest-reaching x per diagonal, and diagonals that ran off. */
interface Side {
  v: Int32Array;
  /** diagonals skipped from the start and from the end, having left the grid */
  clip: [number, number];
  /** whether this side checks for meeting the other one (by the parity of N − M) */
  checks: boolean;
  /** elements equal at x, y counted from this side's own end */
  equal: (x: number, y: number) => boolean;
  /** the split when this side's x on diagonal k meets the other side's entry j */
  meet: (x: number, y: number, j: number) => Split | null;
}

/**
 * The split point of [aLo, aHi) × [bLo, bHi) (both non-empty, no common prefix or suffix), or
 * null: the budget ran out (then marked exhausted) or the ranges have nothing in common.
 */
export function middleSnake(
  same: (i: number, j: number) => boolean,
  budget: Budget,
  aLo: number,
  aHi: number,
  bLo: number,
  bHi: number,
): Split | null {
  const n = aHi - aLo;
  const m = bHi - bLo;
  const full = Math.ceil((n + m) / 2);
  // D rounds cost at least D²/2 steps, so D never exceeds sqrt(2·budget): the arrays need no more.
  const maxD = Math.min(full, Math.ceil(Math.sqrt(2 * (budget.max - budget.work))) + 1);
  const offset = maxD + 1;
  const size = 2 * offset + 1;
  const odd = ((n - m) & 1) !== 0;
  const fresh = () => {
    const v = new Int32Array(size).fill(-1);
    v[offset + 1] = 0;
    return v;
  };
  const fwd = fresh();
  const bwd = fresh();
  const forward: Side = {
    v: fwd,
    clip: [0, 0],
    checks: odd,
    equal: (x, y) => same(aLo + x, bLo + y),
    meet: (x, y, j) => (bwd[j] !== -1 && x >= n - bwd[j]! ? [aLo + x, bLo + y] : null),
  };
  const backward: Side = {
    v: bwd,
    clip: [0, 0],
    checks: !odd,
    equal: (x, y) => same(aHi - x - 1, bHi - y - 1),
    meet: (x, _y, j) => (fwd[j] !== -1 && fwd[j]! >= n - x ? [aLo + fwd[j]!, bLo + fwd[j]! - (j - offset)] : null),
  };
  const grid = { n, m, offset, size, delta: n - m };
  for (let d = 0; d < maxD; d++) {
    for (const side of [forward, backward]) {
      const found = round(side, d, grid, budget);
      if (found === STOP) return null;
      if (found) return found;
    }
  }
  // Searched every D up to (N+M)/2 from both ends without meeting: nothing in common, the coarse
  // answer is exact. Stopped earlier by the budget-derived cap: not exact.
  if (maxD < full) budget.exhausted = true;
  return null;
}

/** Extends every diagonal of one side by one edit and its snake; the split if the sides meet. */
function round(
  side: Side,
  d: number,
  grid: { n: number; m: number; offset: number; size: number; delta: number },
  budget: Budget,
): Split | typeof STOP | null {
  const { v, clip } = side;
  for (let k = -d + clip[0]; k <= d - clip[1]; k += 2) {
    if (!budget.spend()) return STOP;
    const i = grid.offset + k;
    let x = k === -d || (k !== d && v[i - 1]! < v[i + 1]!) ? v[i + 1]! : v[i - 1]! + 1;
    let y = x - k;
    while (x < grid.n && y < grid.m && side.equal(x, y)) {
      x++;
      y++;
    }
    if (budget.exhausted) return STOP;
    v[i] = x;
    if (x > grid.n) clip[1] += 2;
    else if (y > grid.m) clip[0] += 2;
    else if (side.checks) {
      const j = grid.offset + grid.delta - k;
      const met = j >= 0 && j < grid.size ? side.meet(x, y, j) : null;
      if (met) return met;
    }
  }
  return null;
}
