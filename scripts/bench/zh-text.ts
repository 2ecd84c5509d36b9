// Chinese text whose character frequencies follow zh-frequency.ts. Part of the characters come
// from real words (zh-words.ts, Zipfian); the rest from a fixed lexicon of 1–3 character tokens
// drawn from the remaining ("residual") frequency, so that the mix as a whole keeps the target
// distribution while words and bigrams repeat as they do in real text.
import { between, pick, weighted, zipfWeights, type Random } from "./random";
import { ZH_CHARS } from "./zh-chars";
import { charProbabilities } from "./zh-frequency";
import { ZH_LATIN, ZH_WORDS } from "./zh-words";

/** Share of characters that come from real words. */
const WORD_SHARE = 0.25;
const LEXICON_SIZE = 60_000;
const TOKEN_LENGTHS = [1, 1, 2, 2, 2, 3];

/** Residual probabilities: the target minus what the real words already contribute. */
function residual(wordWeights: Float64Array): Float64Array {
  const chars = Array.from(ZH_CHARS);
  const rank = new Map(chars.map((c, i) => [c, i]));
  const fromWords = new Float64Array(chars.length);
  let total = 0;
  ZH_WORDS.forEach((w, i) => {
    for (const c of w) fromWords[rank.get(c)!]! += wordWeights[i]!;
    total += wordWeights[i]! * Array.from(w).length;
  });
  return charProbabilities().map((p, i) => Math.max(0, p - (WORD_SHARE * fromWords[i]!) / total));
}

export interface ZhText {
  sentence: (minChars: number, maxChars: number) => string;
  title: () => string;
  paragraph: () => string;
}

export function zhText(random: Random): ZhText {
  const chars = Array.from(ZH_CHARS);
  const wordWeights = zipfWeights(ZH_WORDS.length, 1, 10);
  const nextWord = weighted(wordWeights, random);
  const nextChar = weighted(residual(wordWeights), random);
  const lexicon = Array.from({ length: LEXICON_SIZE }, () => {
    const n = pick(random, TOKEN_LENGTHS);
    return Array.from({ length: n }, () => chars[nextChar()]!).join("");
  });
  const meanWord =
    ZH_WORDS.reduce((a, w, i) => a + w.length * wordWeights[i]!, 0) / wordWeights.reduce((a, b) => a + b);
  const meanToken = lexicon.reduce((a, t) => a + t.length, 0) / lexicon.length;
  // Probability that a token is a real word, so that WORD_SHARE of the characters are.
  const wordChance = WORD_SHARE / meanWord / (WORD_SHARE / meanWord + (1 - WORD_SHARE) / meanToken);
  const token = () => (random() < wordChance ? ZH_WORDS[nextWord()]! : lexicon[Math.floor(random() * LEXICON_SIZE)]!);

  const extra = () => {
    const x = random();
    if (x < 0.4) return pick(random, ZH_LATIN);
    if (x < 0.7) return `${between(random, 2005, 2026)}年`;
    if (x < 0.85) return `${between(random, 1, 12)}月${between(random, 1, 28)}日`;
    return `${between(random, 1, 99)}.${between(random, 0, 9)}%`;
  };
  const sentence = (min: number, max: number) => {
    const target = between(random, min, max);
    const parts: string[] = [];
    let length = 0;
    let sinceComma = 0;
    while (length < target) {
      const t = random() < 0.03 ? extra() : token();
      parts.push(t);
      length += t.length;
      if (++sinceComma > 5 && random() < 0.2 && length < target - 4) {
        parts.push(random() < 0.8 ? "，" : "、");
        length++;
        sinceComma = 0;
      }
    }
    return parts.join("");
  };
  return {
    sentence,
    title: () => sentence(12, 30),
    paragraph: () => Array.from({ length: between(random, 1, 4) }, () => `${sentence(18, 60)}。`).join(""),
  };
}
