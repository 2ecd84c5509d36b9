// `npm run bench:scale -- --releases 100000 [--engine sqlite|postgresql] [--samples 30] [--cycles 5]
// [--skip-search-index] [--skip-translation-memory] [--keep]`: generates an archive (the database named by TEST_DATABASE_URL
// is WIPED for postgresql), starts the production server the way `npm start` does
// (scripts/start.mjs), and reports per public page type the uncached render time (p50/p95/max of
// --samples renders, docs/BENCHMARKS.md says how the caches are bypassed), the server's memory
// after all of them, and publish-to-visible under read load. Exit status 1 if a request failed.
import "dotenv/config";
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { createDb } from "../src/server/db/client";
import { freePort, waitFor } from "./lib/net";
import { startArgs } from "./lib/server-command";
import { prepareArchive } from "./scale/archive";
import { bypassCookie, memoryOf, timeUncached, type Stats } from "./scale/measure";
import { pageTypes } from "./scale/pages";
import { publishToVisible } from "./scale/publish";

const { values: args } = parseArgs({
  options: {
    releases: { type: "string", default: "10000" },
    engine: { type: "string", default: "sqlite" },
    samples: { type: "string", default: "30" },
    cycles: { type: "string", default: "5" },
    "skip-search-index": { type: "boolean", default: false },
    "skip-translation-memory": { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
  },
});
const RELEASES = Number(args.releases);
const SAMPLES = Number(args.samples);
const CYCLES = Number(args.cycles);
if (!(RELEASES > 0 && SAMPLES > 0 && CYCLES >= 0)) throw new Error("--releases, --samples and --cycles are numbers");
if (args.engine !== "sqlite" && args.engine !== "postgresql") throw new Error("--engine is sqlite or postgresql");
const PG_URL = process.env.TEST_DATABASE_URL;
if (args.engine === "postgresql" && !PG_URL?.startsWith("postgres")) {
  throw new Error("--engine postgresql needs TEST_DATABASE_URL (a database this benchmark WIPES)");
}

const dir = mkdtempSync(path.join(tmpdir(), "newsroom-scale-"));
const url = args.engine === "postgresql" ? PG_URL! : `file:${path.join(dir, "newsroom.db")}`;
let server: ChildProcess | undefined;

function stopServer() {
  if (server?.pid && server.exitCode === null) {
    try {
      process.kill(-server.pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
}

async function startServer(port: number) {
  const log = createWriteStream(path.join(dir, "server.log"));
  server = spawn("node", startArgs(), {
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: url,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "pipe", "inherit"],
    detached: true,
  });
  server.stdout!.pipe(log);
  await waitFor(`http://127.0.0.1:${port}/api/health`, () => server!.exitCode === null);
}

const row = (name: string, s: Stats) => `| ${name} | ${s.n} | ${s.p50} | ${s.p95} | ${s.max} |`;
const row2 = (name: string, w: Stats, c: Stats) => `${row(name, w)} ${c.p50} | ${c.p95} |`;
const load = () => readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");

async function main(): Promise<boolean> {
  const started = performance.now();
  await prepareArchive(url, RELEASES, Date.now(), {
    searchIndex: !args["skip-search-index"],
    memory: !args["skip-translation-memory"],
  });
  const prepared = (performance.now() - started) / 1000;
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  console.error(`Starting the server on ${base} (${args.engine}; builds first if the sources changed)…`);
  await startServer(port);
  const cookie = bypassCookie();
  const db = createDb(url);
  const types = await pageTypes(db, SAMPLES);
  await db.$disconnect();
  const pid = server!.pid!;
  const atStart = memoryOf(pid);
  for (const t of types) await timeUncached(base, t.urls.slice(0, 2), cookie, pid); // warm the route's code
  const warm = memoryOf(pid);
  const results: [string, { wall: Stats; cpu: Stats }][] = [];
  const loadBefore = load();
  for (const t of types) {
    results.push([t.name, await timeUncached(base, t.urls, cookie, pid)]);
    console.error(`  ${t.name}: p95 ${results.at(-1)![1].wall.p95} ms, RSS ${memoryOf(pid).rssMb} MB`);
  }
  const loadAfter = load();
  const memory = memoryOf(server!.pid!);
  const readerPaths = ["/zh", "/en", "/zh/news", "/en/news", "/zh/feed.xml", "/api/v1/releases?locale=zh"];
  readerPaths.push(...types.find((t) => t.name === "article zh")!.urls.slice(0, 6));
  const publish = CYCLES ? await publishToVisible(base, readerPaths, CYCLES) : null;

  console.log(`\n### ${args.engine}, ${RELEASES.toLocaleString("en")} releases\n`);
  const skipped = [
    args["skip-search-index"] && "search index",
    args["skip-translation-memory"] && "translation memory",
  ];
  const without = skipped.filter(Boolean).join(" and ");
  console.log(`Archive generated${without ? ` (without ${without})` : " and indexed"} in ${prepared.toFixed(0)} s.\n`);
  console.log(`Machine load average (1, 5, 15 min) before and after the renders: ${loadBefore} / ${loadAfter}.\n`);
  console.log(
    "| page type | renders | p50 ms | p95 ms | max ms | server CPU p50 ms | CPU p95 ms |\n|---|---:|---:|---:|---:|---:|---:|",
  );
  for (const [name, s] of results) console.log(row2(name, s.wall, s.cpu));
  console.log(
    `\nServer memory (RSS): ${atStart.rssMb} MB once started, ${warm.rssMb} MB after one render of each page type, ` +
      `${memory.rssMb} MB after all of them (peak ${memory.peakMb} MB).`,
  );
  if (publish) {
    console.log("\n| under read load | n | p50 ms | p95 ms | max ms |\n|---|---:|---:|---:|---:|");
    console.log(row("publish → article 200", publish.publish));
    console.log(row("withdraw → article 404", publish.withdraw));
    console.log(row("publish → editor sees 已发布", publish.confirmed.publish));
    console.log(row("withdraw → editor sees 已撤回", publish.confirmed.withdraw));
    const r = publish.readers;
    console.log(`\nReaders: ${r.perSecond} requests/s (${r.requests} in all, ${r.non2xx} non-2xx, p99 ${r.p99} ms).`);
  }
  const failures = results.flatMap(([name, s]) => s.wall.failures.map((f) => `${name}: ${f}`));
  for (const f of failures.slice(0, 20)) console.error(`FAILED ${f}`);
  return failures.length === 0;
}

process.on("exit", stopServer);
main()
  .then((ok) => {
    stopServer();
    if (!args.keep) rmSync(dir, { recursive: true, force: true });
    else console.error(`Kept ${dir}`);
    process.exit(ok ? 0 : 1);
  })
  .catch((error: unknown) => {
    console.error(error);
    stopServer();
    process.exit(1);
  });
