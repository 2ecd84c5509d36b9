// `npm run bench:reindex [-- --count N --runs N --sqlite-file PATH --only sqlite|postgresql]`: the
// full search rebuild (reindexSearch, what `npm run search:reindex` runs) timed alone on a fixed
// corpus (default 5,000 releases, seed 42, fixed date: the same rows every time). Each run is a
// fresh process, so its peak RSS is the rebuild's own. Prints, per run and as medians: wall time,
// releases per wall second and per CPU second (this process; on PostgreSQL also the server's),
// peak RSS, and digests of the index: of its rows (the same digest is the same index, byte for
// byte) and of its lists' postings (the same lists, however they are cut into blocks).
// SQLite always (the file is kept: a second run reuses its corpus); PostgreSQL when
// TEST_DATABASE_URL is set (that database is WIPED when it holds another corpus). Figures:
// docs/BENCHMARKS.md, "Search".
import "dotenv/config";
import { execFileSync } from "node:child_process";
import { parseArgs } from "node:util";
import pg from "pg";
import { createDb } from "../src/server/db/client";
import { migrate } from "../src/server/db/migrate";
import { loadCorpus } from "./search/bench-corpus";
import { runChild, type RunFigures } from "./search/bench-reindex-run";
import { bulkArgs } from "./lib/server-command";
import { progressBar } from "./search/progress";

const { values: args } = parseArgs({
  options: {
    count: { type: "string", default: "5000" },
    runs: { type: "string", default: "3" },
    only: { type: "string" },
    "sqlite-file": { type: "string", default: "/tmp/newsroom-bench-reindex.db" },
    child: { type: "string" },
  },
});
const COUNT = Number(args.count);
const RUNS = Number(args.runs);
const NOW = new Date("2026-12-01T00:00:00Z");

async function ensureCorpus(url: string, wipe: () => Promise<void>) {
  await migrate(url);
  const db = createDb(url);
  const held = await db.release.count();
  await db.$disconnect();
  if (held === COUNT) return;
  if (held > 0) {
    await wipe();
    await migrate(url);
  }
  const bar = progressBar("Generating corpus");
  await loadCorpus(url, COUNT, NOW, (n) => bar.update(n, COUNT));
  bar.finish();
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function bench(engine: string, url: string) {
  const runs: RunFigures[] = [];
  for (let r = 0; r < RUNS; r++) {
    // A fresh process per run (same node flags as npm run search:reindex, heap limit included): its peak RSS is the rebuild's.
    const out = execFileSync(process.execPath, [...bulkArgs("scripts/bench-reindex.ts"), "--child", url], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    });
    const run = JSON.parse(out.trim().split("\n").at(-1)!) as RunFigures;
    runs.push(run);
    console.error(`${engine} run ${r + 1}: ${JSON.stringify(run)}`);
  }
  const m = (f: (r: RunFigures) => number) => median(runs.map(f));
  const digests = new Set(runs.map((r) => r.digest));
  const lists = new Set(runs.map((r) => r.lists));
  console.log(
    `| ${engine} | ${runs[0]!.releases} | ${runs[0]!.documents} | ${(m((r) => r.wallMs) / 1000).toFixed(2)} | ` +
      `${Math.round(m((r) => r.releases / (r.wallMs / 1000)))} | ${Math.round(m((r) => r.releases / (r.cpuMs / 1000)))} | ` +
      `${m((r) => (r.serverCpuMs === null ? NaN : Math.round(r.releases / ((r.cpuMs + r.serverCpuMs) / 1000))))} | ` +
      `${Math.round(m((r) => r.peakRssMb))} | ${[...digests].join(" ")} | ${[...lists].join(" ")} |`,
  );
}

async function main() {
  if (args.child) return runChild(args.child);
  console.log(
    "| engine | releases | documents | wall s | releases/s wall | releases/CPU s | releases/CPU s (with server) | peak RSS MB | digest | lists |",
  );
  console.log("|---|---:|---:|---:|---:|---:|---:|---:|---|---|");
  if (args.only !== "postgresql") {
    const file = args["sqlite-file"];
    await ensureCorpus(`file:${file}`, () => {
      execFileSync("rm", ["-f", file, `${file}-wal`, `${file}-shm`]);
      return Promise.resolve();
    });
    bench("sqlite", `file:${file}`);
  }
  const pgUrl = process.env.TEST_DATABASE_URL;
  if (pgUrl && args.only !== "sqlite") {
    await ensureCorpus(pgUrl, async () => {
      const client = new pg.Client({ connectionString: pgUrl });
      await client.connect();
      await client.query("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
      await client.end();
    });
    bench("postgresql", pgUrl);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
