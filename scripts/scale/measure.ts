// Timing of uncached renders for `npm run bench:scale`. Each request carries Next's draft-mode
// cookie (the build's own preview id, read from .next/prerender-manifest.json on this machine),
// which makes Next render the page at request time without its page or data cache, and a session
// cookie, with which the front server passes the request to Next instead of answering from its
// response cache (docs/CACHING.md). So every sample runs the real render and its database reads.
import { readdirSync, readFileSync } from "node:fs";

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

/**
 * CPU time the process has used so far, all its threads, in ms (Linux schedstat, ns precision).
 * On a machine shared with other work the wall time of a request grows with the load; its CPU
 * time much less, so both are reported.
 */
export function cpuMs(pid: number): number {
  let ns = 0;
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    try {
      ns += Number(readFileSync(`/proc/${pid}/task/${task}/schedstat`, "utf8").split(" ")[0]);
    } catch {
      // the thread ended meanwhile
    }
  }
  return ns / 1e6;
}

/**
 * Time to the last byte of each URL and the server's CPU time for it, one request at a time; a
 * render that came from a cache counts as a failure.
 */
export async function timeUncached(base: string, urls: string[], cookie: string, pid: number) {
  const wall: number[] = [];
  const cpu: number[] = [];
  const failures: string[] = [];
  for (const url of urls) {
    const cpuBefore = cpuMs(pid);
    const started = performance.now();
    const res = await fetch(base + url, { headers: { cookie }, redirect: "manual" });
    await res.arrayBuffer();
    wall.push(performance.now() - started);
    cpu.push(cpuMs(pid) - cpuBefore);
    const cached = res.headers.get("x-cache") === "HIT" || res.headers.get("x-nextjs-cache") === "HIT";
    if (res.status !== 200 || cached) failures.push(`${url}: ${res.status}${cached ? " (cached)" : ""}`);
  }
  return { wall: stats(wall, failures), cpu: stats(cpu) };
}

/** The server's resident memory now and at its peak, in MB (Linux). */
export function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0);
  return { rssMb: Math.round(kb("VmRSS") / 1024), peakMb: Math.round(kb("VmHWM") / 1024) };
}
