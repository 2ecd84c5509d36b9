// Which English paragraph translates which Chinese paragraph. Same count: by position (that is how
// the translate page lays them out). Otherwise a length-based alignment in the manner of Gale &
// Church (1993): paragraphs pair 1-1, or one side has a paragraph the other lacks, or two merge
// into one; only 1-1 pairs are trusted. The expected length ratio sits between a typical one for
// Chinese → English press releases and this document's own (which a missing paragraph skews).

/** Beyond this many paragraphs a side, fall back to position (the DP is quadratic). */
export const MAX_ALIGN_BLOCKS = 400;

type Bead = [zh: number, en: number];
const BEADS: { step: Bead; penalty: number }[] = [
  { step: [1, 1], penalty: 0 },
  { step: [1, 0], penalty: 4.5 },
  { step: [0, 1], penalty: 4.5 },
  { step: [2, 1], penalty: 2.3 },
  { step: [1, 2], penalty: 2.3 },
];

/** English characters per Chinese character in typical translations (the CNIPA sample: ≈ 3.5). */
const TYPICAL_RATIO = 3.2;

const length = (s: string) => Array.from(s).length;

/** For each Chinese paragraph, the index of its English paragraph when they pair 1-1, else null. */
export function alignBlocks(zh: readonly string[], en: readonly string[]): (number | null)[] {
  const out: (number | null)[] = zh.map(() => null);
  for (const bead of alignBeads(zh, en))
    if (bead.zh.length === 1 && bead.en.length === 1) out[bead.zh[0]!] = bead.en[0]!;
  return out;
}

/** For each Chinese paragraph, the English paragraphs that translate it (two merged ones share them). */
export function alignLoose(zh: readonly string[], en: readonly string[]): number[][] {
  const out: number[][] = zh.map(() => []);
  for (const bead of alignBeads(zh, en)) for (const i of bead.zh) out[i] = bead.en;
  return out;
}

export interface AlignedBead {
  zh: number[];
  en: number[];
}

const range = (from: number, n: number) => Array.from({ length: n }, (_, k) => from + k);

/** The alignment as beads, in order; every paragraph of both sides is in exactly one. */
export function alignBeads(zh: readonly string[], en: readonly string[]): AlignedBead[] {
  if (zh.length === en.length || zh.length > MAX_ALIGN_BLOCKS || en.length > MAX_ALIGN_BLOCKS) {
    const n = Math.max(zh.length, en.length);
    return range(0, n).map((i) => ({ zh: i < zh.length ? [i] : [], en: i < en.length ? [i] : [] }));
  }
  const zl = zh.map(length);
  const el = en.map(length);
  const own = Math.max(0.1, sum(el) / Math.max(1, sum(zl)));
  const ratio = Math.sqrt(own * TYPICAL_RATIO);
  const n = zh.length;
  const m = en.length;
  const cost = Array.from({ length: n + 1 }, () => new Float64Array(m + 1).fill(Infinity));
  const back = Array.from({ length: n + 1 }, () => new Int8Array(m + 1).fill(-1));
  cost[0]![0] = 0;
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      const here = cost[i]![j]!;
      if (here === Infinity) continue;
      BEADS.forEach(({ step: [di, dj], penalty }, b) => {
        if (i + di > n || j + dj > m) return;
        const a = sum(zl.slice(i, i + di));
        const e = sum(el.slice(j, j + dj));
        // A paragraph without counterpart costs its penalty only: its length says nothing.
        const c = here + penalty + (di && dj ? mismatch(a, e, ratio) : 0);
        if (c < cost[i + di]![j + dj]!) {
          cost[i + di]![j + dj] = c;
          back[i + di]![j + dj] = b;
        }
      });
    }
  }
  const beads: AlignedBead[] = [];
  for (let i = n, j = m; i > 0 || j > 0;) {
    const [di, dj] = BEADS[back[i]![j]!]!.step;
    beads.push({ zh: range(i - di, di), en: range(j - dj, dj) });
    i -= di;
    j -= dj;
  }
  return beads.reverse();
}

/** How unlikely `e` English characters are as the translation of `a` Chinese ones (≈ a z-score). */
function mismatch(a: number, e: number, ratio: number): number {
  if (a === 0 && e === 0) return 0;
  const expected = a * ratio;
  return Math.abs(e - expected) / Math.sqrt(Math.max(1, expected) * 2);
}

function sum(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}
