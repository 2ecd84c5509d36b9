// Seeded randomness for the benchmark corpus: the same seed gives the same archive on every
// engine and machine (no Math.random anywhere in the generator).

export type Random = () => number;

/** mulberry32: small, fast, good enough for test data. Returns floats in [0, 1). */
export function rng(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A sampler of indexes 0..n-1 with the given weights, O(1) per draw (Vose's alias method). */
export function weighted(weights: ArrayLike<number>, random: Random): () => number {
  const n = weights.length;
  let total = 0;
  for (let i = 0; i < n; i++) total += weights[i]!;
  const prob = new Float64Array(n);
  const alias = new Uint32Array(n);
  const scaled = Float64Array.from({ length: n }, (_, i) => (weights[i]! * n) / total);
  const small: number[] = [];
  const large: number[] = [];
  scaled.forEach((p, i) => (p < 1 ? small : large).push(i));
  while (small.length && large.length) {
    const s = small.pop()!;
    const l = large[large.length - 1]!;
    prob[s] = scaled[s]!;
    alias[s] = l;
    scaled[l] = scaled[l]! + scaled[s]! - 1;
    if (scaled[l] < 1) small.push(large.pop() as number);
  }
  for (const i of [...small, ...large]) prob[i] = 1;
  return () => {
    const x = random() * n;
    const i = Math.floor(x);
    return x - i < prob[i]! ? i : alias[i]!;
  };
}

/** Zipf–Mandelbrot weights 1 / (rank + q)^s for ranks 1..n. */
export function zipfWeights(n: number, s = 1, q = 0): Float64Array {
  return Float64Array.from({ length: n }, (_, i) => (i + 1 + q) ** -s);
}

export const between = (random: Random, lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));

export const pick = <T>(random: Random, xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
