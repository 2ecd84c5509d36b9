// English text from en-words.ts: Zipfian word choice, real plural forms, proper nouns, numbers,
// dates, percentages and alphanumerics such as "5G".
import {
  EN_ADJECTIVES,
  EN_ALPHANUMERIC,
  EN_FUNCTION,
  EN_NOUNS,
  EN_PROPER,
  EN_VERBS,
  IRREGULAR_PLURALS,
  MONTHS,
} from "./en-words";
import { between, pick, weighted, zipfWeights, type Random } from "./random";

const PLURAL_SHARE = 0.3;
const IRREGULAR = Object.keys(IRREGULAR_PLURALS);
const SMALL = new Set(["a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "the", "to", "with", "from"]);

export function plural(noun: string): string {
  const irregular = IRREGULAR_PLURALS[noun];
  if (irregular) return irregular;
  if (/[^aeiou]y$/.test(noun)) return `${noun.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/.test(noun)) return `${noun}es`;
  return `${noun}s`;
}

export interface EnText {
  sentence: (minWords: number, maxWords: number) => string;
  title: () => string;
  paragraph: () => string;
}

export function enText(random: Random): EnText {
  const zipf = (list: readonly string[]) => {
    const next = weighted(zipfWeights(list.length, 1, 1.5), random);
    return () => list[next()]!;
  };
  const fn = zipf(EN_FUNCTION);
  const nouns = [...EN_NOUNS, ...IRREGULAR];
  const plurals = nouns.map(plural);
  const nextNoun = weighted(zipfWeights(nouns.length, 1, 1.5), random);
  const noun = () => nouns[nextNoun()]!;
  const nounOrPlural = () => {
    const i = nextNoun();
    return random() < PLURAL_SHARE ? plurals[i]! : nouns[i]!;
  };
  const verb = zipf(EN_VERBS);
  const adjective = zipf(EN_ADJECTIVES);
  const proper = zipf(EN_PROPER);
  const number = () => {
    const x = random();
    if (x < 0.3) return `${between(random, 1, 99)}.${between(random, 0, 9)}%`;
    if (x < 0.5) return `${between(random, 2, 999)},${String(between(random, 0, 999)).padStart(3, "0")}`;
    if (x < 0.8) return `${pick(random, MONTHS)} ${between(random, 1, 28)}, ${between(random, 2005, 2026)}`;
    return String(between(random, 2, 500));
  };
  const word = () => {
    const x = random();
    if (x < 0.42) return fn();
    if (x < 0.72) return nounOrPlural();
    if (x < 0.83) return adjective();
    if (x < 0.93) return verb();
    if (x < 0.97) return proper();
    if (x < 0.985) return pick(random, EN_ALPHANUMERIC);
    return number();
  };
  const sentence = (min: number, max: number) => {
    const n = between(random, min, max);
    const first = word();
    const parts = [first.charAt(0).toUpperCase() + first.slice(1)];
    let comma = between(random, 5, 12);
    for (let i = 1; i < n; i++) {
      if (--comma === 0) {
        if (i < n - 3) parts[i - 1] += ",";
        comma = between(random, 5, 12);
      }
      parts.push(word());
    }
    return parts.join(" ");
  };
  const titleCase = (w: string, i: number) => (i > 0 && SMALL.has(w) ? w : w.charAt(0).toUpperCase() + w.slice(1));
  const titles = [
    () => `${proper()} and ${proper()} ${verb()} ${adjective()} ${noun()} ${plural(noun())} on ${noun()}`,
    () => `${proper()} ${verb()} ${adjective()} ${plural(noun())} of ${adjective()} ${noun()}`,
    () => `${adjective()} ${noun()} ${plural(noun())} ${verb()} in ${proper()} ${number()}`,
  ];
  return {
    sentence,
    title: () => pick(random, titles)().split(" ").map(titleCase).join(" "),
    paragraph: () => Array.from({ length: between(random, 2, 5) }, () => `${sentence(10, 30)}.`).join(" "),
  };
}
