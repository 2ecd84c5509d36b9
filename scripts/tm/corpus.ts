// Deterministic translation memory for the benchmark: Chinese paragraphs of 15–220 characters in
// the search benchmark's Zipf vocabulary (scripts/search/corpus.ts), each with an English text.
// A fifth are variants of 20,000 "standing sentences" (a name, a date, a clause changed), the way
// press releases repeat themselves, so many stored pairs are near-duplicates of each other.
import type { Pair } from "../../src/domain/tm/pairs";
import { rng, vocabulary } from "../search/corpus";

/** Zipf sampler over ranks 0..n-1 (s = 1), by inverse transform on the harmonic CDF. */
function zipf(n: number, random: () => number): () => number {
  const cdf = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) cdf[i] = sum += 1 / (i + 1);
  return () => {
    const x = random() * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

export function tmCorpus(seed = 1) {
  const vocab = vocabulary(1);
  const random = rng(seed + 2);
  const zhWord = zipf(vocab.zh.length, random);
  const enWord = zipf(vocab.en.length, random);
  const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const paragraph = (min = 15, max = 220) => {
    const want = between(min, max);
    let out = "";
    let words = 0;
    while (out.length < want) {
      out += vocab.zh[zhWord()]!;
      if (++words % between(6, 14) === 0) out += random() < 0.7 ? "，" : "。";
    }
    return `${Array.from(out)
      .slice(0, want)
      .join("")
      .replace(/[，。]$/, "")}。`;
  };
  const english = () => {
    const words = Array.from({ length: between(12, 45) }, () => vocab.en[enWord()]!);
    return `${words.join(" ")}.`;
  };
  const standing = Array.from({ length: 20_000 }, () => paragraph(25, 120));

  /** The text with about `rate` of it changed: a span replaced, a clause appended, or scattered characters. */
  const variant = (text: string, rate: number) => {
    const chars = Array.from(text);
    const n = Math.max(1, Math.round(chars.length * rate));
    const mode = random();
    const fresh = Array.from(paragraph(n + 5, n + 20)).slice(0, n);
    if (mode < 0.4) chars.splice(between(0, Math.max(0, chars.length - n - 1)), n, ...fresh);
    else if (mode < 0.7) chars.splice(chars.length - 1, 0, "，", ...fresh.slice(0, Math.max(1, n - 1)));
    else for (let i = 0; i < n; i++) chars[between(0, chars.length - 1)] = vocab.chars[between(0, 800)]!;
    return chars.join("");
  };

  return {
    pair(): Pair {
      const source = random() < 0.2 ? variant(standing[between(0, standing.length - 1)]!, 0.1) : paragraph();
      return { source, target: english() };
    },
    paragraph,
    variant,
    standing: (i: number) => standing[i % standing.length]!,
    random,
  };
}
