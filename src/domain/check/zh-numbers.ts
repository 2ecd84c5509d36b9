// Numbers, dates and percentages in Chinese text, as values the English must show: 2020年4月9日,
// 二〇二〇年四月九日, 4月9日, 百分之五, 5%, 3.5万 (35,000), 二十三次, 第二十三届 … Pure.
// Chinese numerals count only where they are clearly a quantity (before a measure word, after 第 or
// 百分之, in a date): 一些, 统一, 一带一路 are words, not numbers. A lone 一 (一个, 一次) is usually
// "a" in English and is left out.

export type ZhFact =
  | { kind: "number"; value: number; text: string }
  | { kind: "percent"; value: number; text: string }
  | { kind: "date"; year?: number; month?: number; day?: number; text: string };

const DIGIT: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const BIG: Record<string, number> = { 万: 1e4, 亿: 1e8 };
const CN = "〇零一二两三四五六七八九十百千万亿";

/** 二十三 → 23, 一百零五 → 105, 三千五百万 → 35,000,000, 二〇二〇 → 2020; null when not a numeral. */
export function parseChineseNumeral(s: string): number | null {
  if (!s || [...s].some((c) => !CN.includes(c))) return null;
  if (/^[〇零一二三四五六七八九]{2,}$/.test(s)) return Number([...s].map((c) => DIGIT[c]).join(""));
  return grouped(s);
}

/** Splits at 亿, then 万: 一亿二千万 = 一 × 10⁸ + 二千 × 10⁴. */
function grouped(s: string): number {
  for (const big of ["亿", "万"]) {
    const at = s.indexOf(big);
    if (at >= 0) return (at === 0 ? 1 : grouped(s.slice(0, at))) * BIG[big]! + grouped(s.slice(at + 1));
  }
  let section = 0;
  let digit = 0;
  for (const c of s) {
    if (c in DIGIT) digit = DIGIT[c]!;
    else {
      section += (digit || 1) * UNIT[c]!; // 十五: a unit without a digit is one of it
      digit = 0;
    }
  }
  return section + digit;
}

const ARABIC = String.raw`\d+(?:,\d{3})*(?:\.\d+)?`;
const CN_RUN = `[${CN}]+`;
const NUM = `(?:${ARABIC}|${CN_RUN})`;
const MEASURE = "个项家名位次件条人天年月日岁届批种类份所座台场轮期篇部枚元吨米倍";

const DATE = new RegExp(String.raw`(?:(${NUM})年)?(${NUM})月(?:(${NUM})[日号])?|(${NUM})年`, "gu");
const PERCENT = new RegExp(String.raw`百分之(${NUM})|(${ARABIC})\s*[%％]`, "gu");
const QUANTITY = new RegExp(String.raw`(${ARABIC})\s*([万亿]{0,2})|(第)?(${CN_RUN})(?:[${MEASURE}]|(?<=[万亿]))`, "gu");

/** A numeral in Arabic or Chinese digits, with 万/亿 after it applied. */
export function numeralValue(s: string, big = ""): number | null {
  const base = /^\d/.test(s) ? Number(s.replace(/,/g, "")) : parseChineseNumeral(s);
  if (base === null || Number.isNaN(base)) return null;
  return [...big].reduce((v, c) => v * (BIG[c] ?? 1), base);
}

/** The facts of a Chinese text, each with the text it came from; dates and percentages first. */
export function zhFacts(text: string): ZhFact[] {
  const facts: ZhFact[] = [];
  const taken: [number, number][] = [];
  const free = (start: number, end: number) => taken.every(([s, e]) => end <= s || start >= e);
  const take = (m: RegExpMatchArray, fact: ZhFact | null) => {
    if (!fact || !free(m.index!, m.index! + m[0].length)) return;
    taken.push([m.index!, m.index! + m[0].length]);
    facts.push(fact);
  };
  for (const m of text.matchAll(DATE)) take(m, dateFact(m));
  for (const m of text.matchAll(PERCENT)) {
    const value = numeralValue(m[1] ?? m[2]!);
    take(m, value === null ? null : { kind: "percent", value, text: m[0] });
  }
  for (const m of text.matchAll(QUANTITY)) {
    const value = m[1] !== undefined ? numeralValue(m[1], m[2]) : numeralValue(m[4]!);
    // A lone 一 before a measure word is mostly "a"/"one" in English; ordinals (第一) are kept.
    if (value === null || (m[1] === undefined && value === 1 && !m[3])) continue;
    take(m, { kind: "number", value, text: m[0].trim() });
  }
  return facts;
}

function dateFact(m: RegExpMatchArray): ZhFact | null {
  if (m[4] !== undefined) {
    const year = numeralValue(m[4]);
    return year !== null && year >= 1000 && year <= 2999 ? { kind: "date", year, text: m[0] } : null;
  }
  const year = m[1] !== undefined ? (numeralValue(m[1]) ?? undefined) : undefined;
  const month = numeralValue(m[2]!) ?? undefined;
  const day = m[3] !== undefined ? (numeralValue(m[3]) ?? undefined) : undefined;
  if (month === undefined || month < 1 || month > 12 || (day !== undefined && (day < 1 || day > 31))) return null;
  return { kind: "date", year, month, day, text: m[0] };
}
