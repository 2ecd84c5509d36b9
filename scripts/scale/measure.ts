// Timing of uncached renders for `npm run bench:scale`. Each request carries Next's draft-mode
// cookie (the build's own preview id, read from .next/prerender-manifest.json on this machine),
// which makes Next render the page at request time without its page or data cache, and a session
// cookie, with which the front server passes the request to Next instead of answering from its
// response cache (docs/CACHING.md). So every sample runs the real render and its database reads.
import { readFileSync } from "node:fs";

export interface Stats {
  n: number;
  p50: number;
  p95: number;
  max: number;
  failures: string[];
}

export function bypassCookie(root = process.cwd()): string {
  const manifest = JSON.parse(readFileSync(`${root}/.next/prerender-manifest.json`, "utf8")) as {
    preview: { previewModeId: string };
  };
  return `__prerender_bypass=${manifest.preview.previewModeId}; newsroom_session=scale-bench-bypass`;
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;

export function stats(ms: number[], failures: string[] = []): Stats {
  const sorted = [...ms].sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 10) / 10;
  return {
    n: ms.length,
    p50: round(quantile(sorted, 0.5)),
    p95: round(quantile(sorted, 0.95)),
    max: round(sorted.at(-1) ?? 0),
    failures,
  };
}

/** Time to the last byte of each URL, one request at a time; a render that came from a cache counts as a failure. */
export async function timeUncached(base: string, urls: string[], cookie: string): Promise<Stats> {
  const ms: number[] = [];
  const failures: string[] = [];
  for (const url of urls) {
    const started = performance.now();
    const res = await fetch(base + url, { headers: { cookie }, redirect: "manual" });
    await res.arrayBuffer();
    ms.push(performance.now() - started);
    const cached = res.headers.get("x-cache") === "HIT" || res.headers.get("x-nextjs-cache") === "HIT";
    if (res.status !== 200 || cached) failures.push(`${url}: ${res.status}${cached ? " (cached)" : ""}`);
  }
  return stats(ms, failures);
}

/** The server's resident memory now and at its peak, in MB (Linux). */
export function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0);
  return { rssMb: Math.round(kb("VmRSS") / 1024), peakMb: Math.round(kb("VmHWM") / 1024) };
}
