// Timing for the search benchmark: each query through searchPublished (what the site runs: one
// language, 10 per page, the count up to 1,000, highlighted snippets), percentiles per class.
import type { Db } from "../../src/server/db/client";
import { searchPublished } from "../../src/server/search";
import type { QueryClass } from "./bench-queries";

export interface Timing {
  count: number;
  /** CPU time of this process (the app's work, and SQLite's, which runs in it), p95 */
  cpuP95: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** the slowest query */
  slowest: string;
  /** average `total` (counted up to 1,000) */
  matches: number;
}

/** Nearest-rank percentile of ascending values. */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
}

export interface Sample {
  ms: number;
  cpu: number;
  query: string;
  total: number;
}

export function summarize(samples: Sample[]): Timing {
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
  const cpu = samples.map((s) => s.cpu).sort((a, b) => a - b);
  const slowest = samples.reduce((a, b) => (b.ms > a.ms ? b : a), samples[0]!);
  return {
    count: samples.length,
    cpuP95: percentile(cpu, 95),
    p50: percentile(ms, 50),
    p95: percentile(ms, 95),
    p99: percentile(ms, 99),
    max: ms[ms.length - 1] ?? 0,
    slowest: slowest.query,
    matches: Math.round(samples.reduce((sum, s) => sum + s.total, 0) / samples.length),
  };
}

export async function timeQuery(db: Db, query: string, locale: "zh" | "en", now: Date): Promise<Sample> {
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  const result = await searchPublished(db, query, { locale, now });
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - t0, cpu: (used.user + used.system) / 1000, query, total: result.total };
}

export async function timeClass(db: Db, set: QueryClass, now: Date): Promise<Timing> {
  const samples = [];
  for (const query of set.queries) samples.push(await timeQuery(db, query, set.locale, now));
  return summarize(samples);
}
