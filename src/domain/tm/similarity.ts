// Match percentage of two normalised segments: 1 − edit distance / longer length, in code points.
// The distance is computed in a band (Ukkonen): work is bounded by length × allowed edits.

export const FUZZY_MIN = 70;

/**
 * Levenshtein distance of `a` and `b` (code point arrays), or null when it exceeds `max`.
 * Only cells within `max` of the diagonal are computed.
 */
export function boundedDistance(a: readonly string[], b: readonly string[], max: number): number | null {
  if (a.length > b.length) [a, b] = [b, a];
  const n = a.length;
  const m = b.length;
  if (m - n > max) return null;
  if (n === 0) return m <= max ? m : null;
  const INF = max + 1;
  let prev = new Array<number>(n + 1);
  let cur = new Array<number>(n + 1);
  for (let i = 0; i <= n; i++) prev[i] = i <= max ? i : INF;
  for (let j = 1; j <= m; j++) {
    const lo = Math.max(1, j - max);
    const hi = Math.min(n, j + max);
    cur[0] = j <= max ? j : INF;
    if (lo > 1) cur[lo - 1] = INF;
    let rowMin = cur[0];
    for (let i = lo; i <= hi; i++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min(prev[i - 1]! + cost, prev[i]! + 1, cur[i - 1]! + 1);
      cur[i] = v > INF ? INF : v;
      if (cur[i]! < rowMin) rowMin = cur[i]!;
    }
    if (hi < n) cur[hi + 1] = INF;
    if (rowMin > max) return null;
    [prev, cur] = [cur, prev];
  }
  const d = prev[n]!;
  return d <= max ? d : null;
}

/**
 * Similarity in whole percent (floored), or null when below `min`. Identical texts are 100; any
 * difference scores at most 99, so 100% always means an exact match.
 */
export function similarity(a: string, b: string, min = FUZZY_MIN): number | null {
  if (a === b) return 100;
  const ca = Array.from(a);
  const cb = Array.from(b);
  const longest = Math.max(ca.length, cb.length);
  const max = Math.floor(((100 - min) * longest) / 100);
  const d = boundedDistance(ca, cb, max);
  if (d === null) return null;
  const score = Math.min(99, Math.floor((100 * (longest - d)) / longest));
  return score >= min ? score : null;
}
