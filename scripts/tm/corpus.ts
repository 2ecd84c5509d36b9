// Deterministic translation memory for the benchmark: Chinese paragraphs (one to three sentences)
// and titles from the archive benchmark's text generator (real word and character frequencies,
// scripts/bench/zh-text.ts), each with an English text. A fifth are variants of 20,000 "standing
// sentences" (a name, a date, a clause changed), the way press releases repeat themselves, so many
// stored pairs are near-duplicates of each other.
import type { Pair } from "../../src/domain/tm/pairs";
import { enText } from "../bench/en-text";
import { between, rng } from "../bench/random";
import { zhText } from "../bench/zh-text";

export function tmCorpus(seed = 1) {
  const random = rng(seed);
  const zh = zhText(random);
  const en = enText(random);
  const paragraph = (min = 15, max = 220) => {
    let out = "";
    const want = between(random, min, max);
    while (Array.from(out).length < want) out += `${zh.sentence(12, 60)}。`;
    return (
      Array.from(out)
        .slice(0, want)
        .join("")
        .replace(/[，。、]$/, "") + "。"
    );
  };
  const segment = () => (random() < 0.15 ? zh.title() : paragraph());
  const standing = Array.from({ length: 20_000 }, () => paragraph(25, 120));

  /** The text with about `rate` of it changed: a span replaced, a clause appended, or scattered characters. */
  const variant = (text: string, rate: number) => {
    const chars = Array.from(text);
    const n = Math.max(1, Math.round(chars.length * rate));
    const mode = random();
    const fresh = Array.from(zh.sentence(n + 5, n + 20)).slice(0, n);
    if (mode < 0.4) chars.splice(between(random, 0, Math.max(0, chars.length - n - 1)), n, ...fresh);
    else if (mode < 0.7) chars.splice(chars.length - 1, 0, "，", ...fresh.slice(0, Math.max(1, n - 1)));
    else for (let i = 0; i < n; i++) chars[between(random, 0, chars.length - 1)] = fresh[i % fresh.length]!;
    return chars.join("");
  };

  return {
    pair(): Pair {
      const source = random() < 0.2 ? variant(standing[between(random, 0, standing.length - 1)]!, 0.1) : segment();
      return { source, target: en.paragraph() };
    },
    paragraph,
    variant,
    standing: (i: number) => standing[i % standing.length]!,
    random,
  };
}
