// `npm run bench:search [-- --count N --samples N --naive N]`: generates N bilingual releases
// (default 100,000), indexes them, and times public searches on SQLite and, when
// TEST_DATABASE_URL is set, on PostgreSQL (that database is WIPED), next to a naive LIKE scan.
// `--only sqlite|postgresql` runs one engine.
import "dotenv/config";
import { rmSync } from "node:fs";
import pg from "pg";
import { createDb } from "../src/server/db/client";
import { migrate } from "../src/server/db/migrate";
import { reindexSearch, searchIndexSize } from "../src/server/search";
import { loadArchive } from "./bench/archive";
import { indexed, naive, querySets, time, type QuerySet, type Timing } from "./search/bench-measure";
import { progressBar } from "./search/progress";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(v) || v < 1) throw new Error(`--${name} must be a positive integer`);
  return v;
};
const count = arg("count", 100_000);
const samples = arg("samples", 60);
const naiveSamples = arg("naive", 5);
const only = process.argv.includes("--only") ? process.argv[process.argv.indexOf("--only") + 1] : undefined;

interface Row {
  engine: string;
  set: QuerySet;
  fast: Timing;
  slow: Timing | null;
}
interface Summary {
  engine: string;
  documents: number;
  loadS: number;
  indexS: number;
  indexMb: number;
}

async function bench(engine: "sqlite" | "postgresql", url: string, rows: Row[], summaries: Summary[]) {
  console.error(`\n${engine}: ${count} releases → ${url.replace(/\/\/[^@]*@/, "//")}`);
  await migrate(url);
  const now = Date.now();
  const load = progressBar("Generating corpus");
  const t0 = performance.now();
  await loadArchive(url, { releases: count, now: new Date(now), onProgress: (n) => load.update(n, count) });
  load.finish();
  const loadS = (performance.now() - t0) / 1000;
  const db = createDb(url);
  try {
    const bar = progressBar("Indexing releases");
    const report = await reindexSearch(db, (d, t) => bar.update(d, t));
    bar.finish();
    const indexMb = (await searchIndexSize(db)) / 1024 / 1024;
    summaries.push({ engine, documents: report.documents, loadS, indexS: report.ms / 1000, indexMb });
    const at = new Date(now);
    const sets = querySets(samples);
    const timing = progressBar("Timing queries");
    for (const [i, set] of sets.entries()) {
      const fast = await time(set.queries, indexed(db, set, at));
      const slow = set.stress
        ? null
        : await time(set.queries.slice(0, naiveSamples), naive(db, set, at, engine === "postgresql"));
      rows.push({ engine, set, fast, slow });
      timing.update(i + 1, sets.length);
    }
    timing.finish();
  } finally {
    await db.$disconnect();
  }
}

const ms = (v: number) => v.toFixed(1).padStart(8);

function print(rows: Row[], summaries: Summary[]) {
  const lines = [
    "| engine | query | matches (avg, counted to 1,000) | p50 ms | p95 ms | LIKE p50 ms | LIKE p95 ms |",
    "|---|---|---:|---:|---:|---:|---:|",
    ...rows.map(
      (r) =>
        `| ${r.engine} | ${r.set.name} | ${r.fast.matches} | ${ms(r.fast.p50)} | ${ms(r.fast.p95)} | ${r.slow ? ms(r.slow.p50) : "—"} | ${r.slow ? ms(r.slow.p95) : "—"} |`,
    ),
    "",
    "| engine | documents | corpus load s | indexing s | index MB |",
    "|---|---:|---:|---:|---:|",
    ...summaries.map(
      (s) =>
        `| ${s.engine} | ${s.documents} | ${s.loadS.toFixed(1)} | ${s.indexS.toFixed(1)} | ${s.indexMb.toFixed(1)} |`,
    ),
  ];
  console.log(
    `\n${count} releases; ${samples} queries per set (naive LIKE: first ${naiveSamples}); public search, 10 per page, with count (up to 1,000) and snippets.\n`,
  );
  console.log(lines.join("\n"));
}

async function main() {
  const rows: Row[] = [];
  const summaries: Summary[] = [];
  const file = `/tmp/newsroom-bench-search-${process.pid}.db`;
  const clean = () => ["", "-wal", "-shm"].forEach((s) => rmSync(file + s, { force: true }));
  if (only !== "postgresql") {
    clean();
    try {
      await bench("sqlite", `file:${file}`, rows, summaries);
    } finally {
      clean();
    }
  }
  const pgUrl = process.env.TEST_DATABASE_URL;
  if (pgUrl && only !== "sqlite") {
    const client = new pg.Client({ connectionString: pgUrl });
    await client.connect();
    await client.query("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
    await client.end();
    await bench("postgresql", pgUrl, rows, summaries);
  }
  print(rows, summaries);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
