// Target frequency of each character of ZH_CHARS, by rank. Anchors from published counts of
// modern Chinese (Jun Da, "Modern Chinese Character Frequency List", ~190 million characters;
// consistent with the older national frequency counts): 的 ≈ 4.1% of all characters, the top 10
// ≈ 12–15%, the top 100 ≈ 40–45%, the top 1,000 ≈ 85–90%, the top 2,500 ≈ 97–98%.
// A plain Zipf–Mandelbrot law cannot meet both ends (its best fit puts only 73% in the top 1,000),
// and 的 stands far above the rest (4.1% against 1.5% for 一). So rank 1 is pinned at 4.1% and
// ranks ≥ 2 follow Zipf–Mandelbrot with an exponential cut-off, (r + q)^-s · e^(-r/R), fitted by
// grid search (log error on the head shares and on the tail's remaining mass). The fit aims a little
// low in the tail (top 1,000 at 85%, top 2,500 at 97%) because the real words of zh-words.ts lift
// the head of the generated text; docs/BENCHMARKS.md "Corpus" has the shares measured in the text.
import { ZH_CHARS } from "./zh-chars";

export const ZH_FIT = { top1: 0.041, s: 0.93, q: 10.85, cutoff: 2600 } as const;

/** Probability of each character of ZH_CHARS (sums to 1), in list order. */
export function charProbabilities(): Float64Array {
  const chars = Array.from(ZH_CHARS);
  const { top1, s, q, cutoff } = ZH_FIT;
  const p = Float64Array.from(chars, (_, i) => (i === 0 ? 0 : (i + 1 + q) ** -s * Math.exp(-(i + 1) / cutoff)));
  const rest = p.reduce((a, b) => a + b, 0);
  for (let i = 1; i < p.length; i++) p[i] = (p[i]! / rest) * (1 - top1);
  p[0] = top1;
  return p;
}

/** Share of all characters taken by the `k` most frequent ones of `text` (Han characters only). */
export function topShares(text: Iterable<string>, ks: readonly number[]): number[] {
  const counts = new Map<string, number>();
  let total = 0;
  for (const c of text) {
    if (!/\p{Script=Han}/u.test(c)) continue;
    counts.set(c, (counts.get(c) ?? 0) + 1);
    total++;
  }
  const sorted = [...counts.values()].sort((a, b) => b - a);
  return ks.map((k) => sorted.slice(0, k).reduce((a, b) => a + b, 0) / total);
}
