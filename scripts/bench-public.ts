// `npm run bench [-- --rounds 5 --duration 10 --dir PATH --compare PATH]`: throughput of a cached public article
// page through the production server (`node scripts/start.mjs`, what `npm start` runs: built if
// needed, fresh seeded SQLite database, free loopback port, its response cache answering) against
// a bare node:http server answering with the same bytes. Fair by construction: the baseline runs
// in a process of its own, and so does each autocannon run; the two targets alternate, round by
// round, so a change of load on the machine hits both. Reports median and range of each, the
// ratio, and the article's first-load JavaScript. `--dir` measures another checkout; `--compare`
// adds a second checkout (e.g. the code before a change) to the same rounds, so both meet the same
// load on the machine.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { load, spread, type Run } from "./bench/load";
import { freePort, waitFor } from "./lib/net";
import { terminateAll } from "./lib/processes";
import { startArgs } from "./lib/server-command";

const { values: args } = parseArgs({
  options: {
    rounds: { type: "string", default: "5" },
    duration: { type: "string", default: process.env.BENCH_DURATION ?? "10" },
    dir: { type: "string", default: process.cwd() },
    compare: { type: "string" },
  },
});
const ROUNDS = Number(args.rounds);
const DURATION = Number(args.duration);
const CONNECTIONS = 20;
const ARTICLE = "/en/news/cnipa-kipo-video-conference";
const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;

async function firstLoadJs(base: string, html: string) {
  // noModule scripts (legacy polyfills) are not loaded by the browsers we serve; they are left out.
  const tags = [...html.matchAll(/<script[^>]+src="([^"]+)"[^>]*>/g)].filter((m) => !/noModule/i.test(m[0]));
  const srcs = [...new Set(tags.map((m) => m[1]!))];
  let raw = 0;
  let gzip = 0;
  let editor = false;
  for (const src of srcs) {
    const body = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer());
    raw += body.length;
    gzip += gzipSync(body).length;
    editor ||= /prosemirror|@tiptap/i.test(body.toString("utf8"));
  }
  return { files: srcs.length, raw, gzip, editor };
}

function startApp(dir: string, port: number, dbFile: string): ChildProcess {
  return spawn("node", startArgs(), {
    cwd: dir,
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: `file:${dbFile}`,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true, // own process group, so the whole tree stops with it
  });
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

interface Target {
  name: string;
  url: string;
  runs: Run[];
}

function report(html: string, targets: Target[]) {
  const row = ({ name, runs }: Target) => {
    const rps = spread(runs.map((r) => r.rps));
    const p99 = spread(runs.map((r) => r.p99));
    const bad = runs.reduce((n, r) => n + r.errors + r.non2xx, 0);
    return `${name.padEnd(34)} ${rps.median.toFixed(0).padStart(7)} req/s (${rps.min.toFixed(0)}–${rps.max.toFixed(0)})   p99 ${p99.median} ms (${p99.min}–${p99.max})   errors+non-2xx ${bad}`;
  };
  console.log(`\nArticle page ${ARTICLE} (${kb(Buffer.byteLength(html))} HTML), ${ROUNDS} rounds, median (min–max)`);
  for (const t of targets) console.log(row(t));
  const bare = targets[targets.length - 1]!;
  for (const t of targets.slice(0, -1)) {
    const ratios = spread(t.runs.map((r, i) => r.rps / bare.runs[i]!.rps));
    console.log(
      `ratio ${t.name} / bare: ${ratios.median.toFixed(2)} (${ratios.min.toFixed(2)}–${ratios.max.toFixed(2)}), per round`,
    );
  }
}

/** Starts `npm start` in `dir` on a fresh database; resolves with its base URL once healthy. */
async function launch(dir: string, tmp: string, procs: ChildProcess[]): Promise<string> {
  const port = await freePort();
  const app = startApp(dir, port, path.join(tmp, `${port}.db`));
  procs.push(app);
  let exited = false;
  app.on("exit", () => (exited = true));
  const base = `http://127.0.0.1:${port}`;
  console.log(`Starting ${dir} on ${base} (builds first if the sources changed)…`);
  await waitFor(`${base}/api/health`, () => !exited);
  await fetch(base + ARTICLE); // first render fills the caches
  const cached = (await fetch(base + ARTICLE)).headers.get("x-cache");
  if (cached !== "HIT")
    throw new Error(`${dir}: the article is not served from the response cache (X-Cache: ${cached})`);
  return base;
}

async function main() {
  const tmp = mkdtempSync(path.join(tmpdir(), "newsroom-bench-"));
  const procs: ChildProcess[] = [];
  const stop = () => terminateAll(procs);
  process.on("exit", stop);
  try {
    const base = await launch(args.dir, tmp, procs);
    const html = await (await fetch(base + ARTICLE)).text();
    const js = await firstLoadJs(base, html);
    const targets: Target[] = [
      { name: `npm start (${path.basename(path.resolve(args.dir))})`, url: base + ARTICLE, runs: [] },
    ];
    if (args.compare) {
      const other = await launch(args.compare, tmp, procs);
      targets.push({
        name: `npm start (${path.basename(path.resolve(args.compare))})`,
        url: other + ARTICLE,
        runs: [],
      });
    }
    writeFileSync(path.join(tmp, "article.html"), html);
    const baseline = await startBare(path.join(tmp, "article.html"));
    procs.push(baseline.proc);
    targets.push({ name: "bare node:http, same HTML", url: baseline.url, runs: [] });

    console.log(
      `autocannon (own process): ${CONNECTIONS} connections, ${DURATION} s per run, ${ROUNDS} rounds, order rotating, loopback`,
    );
    const options = { connections: CONNECTIONS, duration: DURATION };
    for (let round = 0; round < ROUNDS; round++) {
      const order = targets.map((_, i) => targets[(i + round) % targets.length]!);
      for (const t of order) t.runs.push(await load(t.url, options));
      console.log(
        `  round ${round + 1}: ${targets.map((t) => `${t.name} ${t.runs[round]!.rps.toFixed(0)}`).join(", ")} req/s`,
      );
    }
    report(html, targets);
    console.log(
      `first-load JS: ${js.files} scripts, ${kb(js.raw)} raw, ${kb(js.gzip)} gzipped; editor code: ${js.editor ? "YES" : "none"}`,
    );
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
