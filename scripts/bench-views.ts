// `npm run bench:views [-- --rounds 5 --duration 10]`: does counting views per release (docs/PRESS-KIT.md
// "Views") slow the cached article page? The same build served twice by `node scripts/start.mjs`
// (fresh seeded SQLite each), once with counting on (the default, flushing every second so the
// database writes happen during the run) and once with VIEWS_COUNTING=off, plus a bare node:http
// server with the same bytes as a baseline. Each server and each autocannon run is a process of
// its own; the targets alternate round by round so a change of load hits all of them. Reports
// median and range, and the on/off ratio per round. At the end it checks the views were counted.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { load, spread, type Run } from "./bench/load";
import { freePort, waitFor } from "./lib/net";
import { terminateAll } from "./lib/processes";
import { startArgs } from "./lib/server-command";

const { values: args } = parseArgs({
  options: { rounds: { type: "string", default: "5" }, duration: { type: "string", default: "10" } },
});
const ROUNDS = Number(args.rounds);
const options = { connections: 20, duration: Number(args.duration) };
const ARTICLE = "/en/news/cnipa-kipo-video-conference";

interface Target {
  name: string;
  url: string;
  runs: Run[];
  db?: string;
}

async function launch(tmp: string, procs: ChildProcess[], counting: boolean): Promise<Target> {
  const port = await freePort();
  const db = path.join(tmp, `${port}.db`);
  const app = spawn("node", startArgs(), {
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: `file:${db}`,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      VIEWS_COUNTING: counting ? "on" : "off",
      VIEWS_FLUSH_MS: "1000",
    },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  procs.push(app);
  let exited = false;
  app.on("exit", () => (exited = true));
  const base = `http://127.0.0.1:${port}`;
  await waitFor(`${base}/api/health`, () => !exited);
  await fetch(base + ARTICLE);
  const cache = (await fetch(base + ARTICLE)).headers.get("x-cache");
  if (cache !== "HIT") throw new Error(`the article is not served from the response cache (X-Cache: ${cache})`);
  return { name: `cached article, counting ${counting ? "on " : "off"}`, url: base + ARTICLE, runs: [], db };
}

function startBare(file: string): Promise<{ proc: ChildProcess; url: string }> {
  const proc = spawn(process.execPath, [path.join(import.meta.dirname, "bench/bare-server.mjs"), file], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    proc.stdout.once("data", (c: Buffer) => resolve({ proc, url: `http://127.0.0.1:${String(c).trim()}/` }));
    proc.once("exit", (code) => reject(new Error(`the bare server exited ${code}`)));
  });
}

const fmt = (s: { median: number; min: number; max: number }, digits = 0) =>
  `${s.median.toFixed(digits)} (${s.min.toFixed(digits)}–${s.max.toFixed(digits)})`;

async function main() {
  const tmp = mkdtempSync(path.join(tmpdir(), "newsroom-bench-views-"));
  const procs: ChildProcess[] = [];
  const stop = () => terminateAll(procs);
  process.on("exit", stop);
  try {
    const on = await launch(tmp, procs, true);
    const off = await launch(tmp, procs, false);
    writeFileSync(path.join(tmp, "article.html"), await (await fetch(off.url)).text());
    const bare = await startBare(path.join(tmp, "article.html"));
    procs.push(bare.proc);
    const targets: Target[] = [on, off, { name: "bare node:http, same HTML", url: bare.url, runs: [] }];
    console.log(
      `autocannon (own process): ${options.connections} connections, ${options.duration} s per run, ${ROUNDS} rounds`,
    );
    for (let round = 0; round < ROUNDS; round++) {
      for (const t of targets.map((_, i) => targets[(i + round) % targets.length]!))
        t.runs.push(await load(t.url, options));
      console.log(
        `  round ${round + 1}: ${targets.map((t) => `${t.name} ${t.runs[round]!.rps.toFixed(0)}`).join(", ")} req/s`,
      );
    }
    console.log(`\n${ARTICLE}, ${ROUNDS} rounds, median (min–max)`);
    for (const t of targets) {
      const bad = t.runs.reduce((n, r) => n + r.errors + r.non2xx, 0);
      console.log(
        `${t.name.padEnd(28)} ${fmt(spread(t.runs.map((r) => r.rps)))} req/s   p99 ${fmt(spread(t.runs.map((r) => r.p99)))} ms   errors+non-2xx ${bad}`,
      );
    }
    console.log(`ratio on / off, per round: ${fmt(spread(on.runs.map((r, i) => r.rps / off.runs[i]!.rps)), 3)}`);
    await new Promise((r) => setTimeout(r, 2500)); // the last flush
    const counted = new Database(on.db, { readonly: true })
      .prepare(`SELECT SUM("count") AS n FROM "ReleaseView"`)
      .get() as { n: number | null };
    const served = Math.round(on.runs.reduce((n, r) => n + r.rps * options.duration, 0));
    console.log(`views counted with counting on: ${counted.n ?? 0} (about ${served} requests served)`);
  } finally {
    stop();
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
