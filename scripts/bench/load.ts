// One autocannon run in a process of its own (its CLI with --json), so the load generator never
// shares a thread with a server it measures.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";

export interface Run {
  rps: number;
  p99: number;
  errors: number;
  non2xx: number;
}

const cli = path.join(path.dirname(createRequire(import.meta.url).resolve("autocannon/package.json")), "autocannon.js");

export function load(url: string, { connections, duration }: { connections: number; duration: number }): Promise<Run> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [cli, "--json", "-c", String(connections), "-d", String(duration), url], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    proc.stdout.on("data", (c: Buffer) => (out += c.toString()));
    proc.stderr.on("data", (c: Buffer) => (err += c.toString()));
    proc.on("error", reject);
    proc.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited ${code}: ${err}`));
      const r = JSON.parse(out) as {
        requests: { average: number };
        latency: { p99: number };
        errors: number;
        timeouts: number;
        non2xx: number;
      };
      resolve({ rps: r.requests.average, p99: r.latency.p99, errors: r.errors + r.timeouts, non2xx: r.non2xx });
    });
  });
}

/** Median and range of `values`. */
export function spread(values: number[]): { median: number; min: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]! };
}
