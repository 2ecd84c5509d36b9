// Query classes for the search benchmark, drawn from the loaded corpus itself (a sample of live
// releases), so one-character and one-word queries come by their frequency in the corpus, as
// readers type them: common characters dominate. Longer queries are cut from the same texts.
import type { Db } from "../../src/server/db/client";

export interface QueryClass {
  name: string;
  locale: "zh" | "en";
  queries: string[];
  /** per query: the share of its term among all characters (zh) or words (en) of the sample, if one term */
  shares?: number[];
}

export interface Sample {
  classes: QueryClass[];
  /** the most frequent characters and their share of all characters, most frequent first */
  topChars: { char: string; share: number }[];
}

const HAN = /\p{Script=Han}/u;
const RUN = /\p{Script=Han}+/gu;
const WORD = /[A-Za-z][A-Za-z'-]*[A-Za-z]|[A-Za-z]/g;
const LATIN_IN_ZH = /[A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*/g;
// Used when the Chinese sample has no Latin words at all.
const FALLBACK_LATIN = ["5G", "IP5", "PCT", "WIPO", "AI"];

/** mulberry32: the same queries on every run and engine. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function texts(db: Db, locale: "zh" | "en", take: number): Promise<string[]> {
  const rows = await db.publication.findMany({
    where: { locale },
    select: { title: true, summary: true, bodyText: true },
    orderBy: { id: "asc" },
    take,
  });
  return rows.map((r) => `${r.title}\n${r.summary}\n${r.bodyText}`);
}

function counts<T>(items: T[]): Map<T, number> {
  const out = new Map<T, number>();
  for (const x of items) out.set(x, (out.get(x) ?? 0) + 1);
  return out;
}

export async function sampleQueries(db: Db, perClass: number, sampleDocs = 2_000): Promise<Sample> {
  const random = rng(20261203);
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)]!;
  const zh = await texts(db, "zh", sampleDocs);
  const en = await texts(db, "en", sampleDocs);
  const chars = zh.flatMap((t) => Array.from(t).filter((c) => HAN.test(c)));
  const runs = zh.flatMap((t) => t.match(RUN) ?? []);
  const words = en.flatMap((t) => t.match(WORD) ?? []).map((w) => w.toLowerCase());
  const charCount = counts(chars);
  const wordCount = counts(words);
  const cut = (n: number) => {
    for (;;) {
      const run = Array.from(pick(runs));
      if (run.length < n) continue;
      const at = Math.floor(random() * (run.length - n + 1));
      return run.slice(at, at + n).join("");
    }
  };
  const sentences = en.flatMap((t) => t.split(/[.,;:!?()\n"“”]+/)).map((s) => s.trim().split(/\s+/));
  const consecutive = (n: number) => {
    for (;;) {
      const s = pick(sentences).filter((w) => /^[A-Za-z][A-Za-z'-]*$/.test(w));
      if (s.length < n) continue;
      const at = Math.floor(random() * (s.length - n + 1));
      return s
        .slice(at, at + n)
        .join(" ")
        .toLowerCase();
    }
  };
  const latin = zh.flatMap((t) => t.match(LATIN_IN_ZH) ?? []);
  const mixed = () => `${pick(latin.length > 0 ? latin : FALLBACK_LATIN)} ${cut(2)}`;
  const n = Array.from({ length: perClass });
  const oneChar = n.map(() => pick(chars));
  const oneWord = n.map(() => pick(words));
  const classes: QueryClass[] = [
    { name: "zh 1 char", locale: "zh", queries: oneChar, shares: oneChar.map((c) => charCount.get(c)! / chars.length) },
    { name: "zh 2 chars", locale: "zh", queries: n.map(() => cut(2)) },
    { name: "zh 4 chars", locale: "zh", queries: n.map(() => cut(4)) },
    { name: "zh+Latin", locale: "zh", queries: n.map(mixed) },
    { name: "en 1 word", locale: "en", queries: oneWord, shares: oneWord.map((w) => wordCount.get(w)! / words.length) },
    { name: "en 2 words", locale: "en", queries: n.map(() => consecutive(2)) },
    { name: 'en "phrase"', locale: "en", queries: n.map(() => `"${consecutive(2 + Math.floor(random() * 2))}"`) },
  ];
  const topChars = [...charCount]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 20)
    .map(([char, c]) => ({ char, share: c / chars.length }));
  return { classes, topChars };
}
