// Query sets and timing for the search benchmark: the indexed search (through the same
// searchPublished the site uses) next to a naive LIKE scan over Publication.
import type { Db } from "../../src/server/db/client";
import { searchPublished } from "../../src/server/search";
import { EN_NOUNS } from "../bench/en-words";
import { enText } from "../bench/en-text";
import { rng } from "../bench/random";
import { ZH_CHARS } from "../bench/zh-chars";
import { zhText } from "../bench/zh-text";

export interface QuerySet {
  name: string;
  locale: "zh" | "en";
  queries: string[];
  /** stress rows are reported but not part of the target */
  stress?: boolean;
}

const CJK_RUN = /^[\p{Script=Han}]+$/u;

/** 1-char and 1-word queries drawn uniformly from the vocabulary; longer ones cut from generated text. */
export function querySets(samples: number): QuerySet[] {
  const chars = Array.from(ZH_CHARS);
  const random = rng(999);
  const zh = zhText(random);
  const en = enText(random);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const zhCut = (n: number) => {
    for (;;) {
      const chars = Array.from(zh.paragraph());
      const at = Math.floor(random() * (chars.length - n));
      const q = chars.slice(at, at + n).join("");
      if (CJK_RUN.test(q)) return q;
    }
  };
  const enPair = () => {
    const words = en.paragraph().replace(/[.,]/g, "").split(" ");
    const at = Math.floor(random() * (words.length - 1));
    return `${words[at]} ${words[at + 1]}`.toLowerCase();
  };
  const n = Array.from({ length: samples });
  return [
    { name: "zh 1 char", locale: "zh", queries: n.map(() => pick(chars)) },
    { name: "zh 2 chars", locale: "zh", queries: n.map(() => zhCut(2)) },
    { name: "zh 4 chars", locale: "zh", queries: n.map(() => zhCut(4)) },
    { name: "en 1 word", locale: "en", queries: n.map(() => pick(EN_NOUNS)) },
    { name: "en 2 words", locale: "en", queries: n.map(enPair) },
    { name: "zh 1 char, 5 most common", locale: "zh", queries: chars.slice(0, 5), stress: true },
    { name: "en 1 word, 5 most common", locale: "en", queries: EN_NOUNS.slice(0, 5), stress: true },
  ];
}

export interface Timing {
  p50: number;
  p95: number;
  matches: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

export async function time(queries: string[], run: (q: string) => Promise<number>): Promise<Timing> {
  for (const q of queries.slice(0, 3)) await run(q); // warm caches and prepared statements
  const ms: number[] = [];
  let matches = 0;
  for (const q of queries) {
    const t0 = performance.now();
    matches += await run(q);
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  return { p50: percentile(ms, 50), p95: percentile(ms, 95), matches: Math.round(matches / queries.length) };
}

export const indexed = (db: Db, set: QuerySet, now: Date) => (q: string) =>
  searchPublished(db, q, { locale: set.locale, now }).then((r) => r.total);

/** What search would cost without an index: every word a LIKE over title, summary and body, plus the count. */
export const naive = (db: Db, set: QuerySet, now: Date, postgres: boolean) => async (q: string) => {
  const words = q.split(/\s+/).filter(Boolean);
  const like = postgres ? "ILIKE" : "LIKE";
  const p = (i: number) => (postgres ? `$${i}` : "?");
  const conds = words.map(
    (_, i) => `("title" ${like} ${p(i + 3)} OR "summary" ${like} ${p(i + 3)} OR "bodyText" ${like} ${p(i + 3)})`,
  );
  const sql = `SELECT "releaseId", "title", COUNT(*) OVER () AS "total" FROM "Publication"
    WHERE "locale" = ${postgres ? `$1::"Locale"` : "?"} AND "publishedAt" <= ${postgres ? "$2::timestamp" : "?"} AND ${conds.join(" AND ")}
    ORDER BY "publishedAt" DESC LIMIT 10`;
  const stamp = postgres ? now.toISOString() : now.toISOString().replace("Z", "+00:00");
  const params = postgres
    ? [set.locale, stamp, ...words.map((w) => `%${w}%`)]
    : [set.locale, stamp, ...words.flatMap((w) => Array<string>(3).fill(`%${w}%`))];
  const rows = await db.$queryRawUnsafe<{ total: number | bigint }[]>(sql, ...params);
  return Number(rows[0]?.total ?? 0);
};
