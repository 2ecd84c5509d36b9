// Numbers, percentages and months in English text, for the check that the Chinese ones are there:
// 35,000 / 35 thousand / 3.5 million / twenty-three / 23rd / 5% / five per cent / April, Apr. Pure.

const SMALL = [
  "zero",
  "one",
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
  "eleven",
  "twelve",
  "thirteen",
  "fourteen",
  "fifteen",
  "sixteen",
  "seventeen",
  "eighteen",
  "nineteen",
];
const TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
const ORDINAL_SMALL = [
  "zeroth",
  "first",
  "second",
  "third",
  "fourth",
  "fifth",
  "sixth",
  "seventh",
  "eighth",
  "ninth",
  "tenth",
  "eleventh",
  "twelfth",
  "thirteenth",
  "fourteenth",
  "fifteenth",
  "sixteenth",
  "seventeenth",
  "eighteenth",
  "nineteenth",
];
const SCALE: Record<string, number> = { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };
export const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];

const WORD_VALUE = new Map<string, number>();
SMALL.forEach((w, i) => WORD_VALUE.set(w, i));
ORDINAL_SMALL.forEach((w, i) => WORD_VALUE.set(w, i));
TENS.forEach((w, i) => {
  if (!w) return;
  WORD_VALUE.set(w, i * 10);
  WORD_VALUE.set(w.replace(/y$/, "ieth"), i * 10);
  for (let u = 1; u <= 9; u++) {
    WORD_VALUE.set(`${w}-${SMALL[u]}`, i * 10 + u);
    WORD_VALUE.set(`${w}-${ORDINAL_SMALL[u]}`, i * 10 + u);
  }
});

export interface EnFacts {
  numbers: Set<number>;
  percents: Set<number>;
  months: Set<number>;
}

const TOKEN = /(\d+(?:,\d{3})*(?:\.\d+)?)(?:st|nd|rd|th)?|[a-z]+(?:-[a-z]+)?|%/gi;

/** Values as the check compares them: rounded so 3.5 million and 3,500,000 agree. */
export const key = (v: number) => Math.round(v * 1e6) / 1e6;

export function enFacts(text: string): EnFacts {
  const facts: EnFacts = { numbers: new Set(), percents: new Set(), months: new Set() };
  for (const m of text.matchAll(/\b\d{4}-(\d{1,2})-\d{1,2}\b/g)) facts.months.add(Number(m[1]));
  const tokens = [...text.toLowerCase().matchAll(TOKEN)].map((m) => m[0]);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const month = MONTHS.indexOf(t) + 1 || (t === "sept" ? 9 : MONTHS.findIndex((m) => m.slice(0, 3) === t) + 1);
    if (month) facts.months.add(month);
    let value = /^\d/.test(t) ? Number(t.replace(/,|st$|nd$|rd$|th$/g, "")) : WORD_VALUE.get(t);
    if (value === undefined || Number.isNaN(value)) continue;
    facts.numbers.add(key(value));
    // "three hundred", "3.5 million", "two thousand": the scaled value too
    let j = i + 1;
    while (SCALE[tokens[j] ?? ""]) value *= SCALE[tokens[j++]!]!;
    if (j > i + 1) facts.numbers.add(key(value));
    const next = tokens[j];
    if (next === "%" || next === "percent" || (next === "per" && tokens[j + 1] === "cent"))
      facts.percents.add(key(value));
  }
  return facts;
}
