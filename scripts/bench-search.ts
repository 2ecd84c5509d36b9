// `npm run bench:search [-- --count N --samples N --http-seconds N --publish-every S --saves N
// --index-runs N --only sqlite|postgresql --sqlite-file PATH --reuse]`: loads N generated releases (default 100,000), builds the search
// index, then measures on each engine: query classes drawn from the corpus (p50/p95/p99/max), the
// 20 most frequent characters one by one, index size against the raw text, indexing rate, the
// index work of saves and publishes, and the search pages through HTTP (`npm start`, 8 readers,
// while an editor republishes a release through the admin UI every S seconds; 0: no editor).
// SQLite always; PostgreSQL when TEST_DATABASE_URL is set (that database is WIPED). With --reuse, a
// database that already holds N releases (a previous run's; --sqlite-file keeps the SQLite one)
// keeps them and only the index is rebuilt: a change to the index needs no new corpus load.
// Figures: docs/BENCHMARKS.md.
import "dotenv/config";
import { rmSync } from "node:fs";
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import pg from "pg";
import { createDb } from "../src/server/db/client";
import { migrate } from "../src/server/db/migrate";
import { reindexSearch, searchIndexSize } from "../src/server/search";
import { freePort } from "./lib/net";
import { loadCorpus, RAW_TEXT_SQL } from "./search/bench-corpus";
import { prepareEditor } from "./search/bench-editor";
import { timeHttp, type HttpRun } from "./search/bench-http";
import { timeClass, timeQuery, type Timing } from "./search/bench-measure";
import { sampleQueries } from "./search/bench-queries";
import { printReport, type EngineReport, type IndexRun } from "./search/bench-report";
import { timeWrites } from "./search/bench-writes";
import { progressBar } from "./search/progress";

const { values: args } = parseArgs({
  options: {
    count: { type: "string", default: "100000" },
    samples: { type: "string", default: "300" },
    "http-seconds": { type: "string", default: "20" },
    "publish-every": { type: "string", default: "5" },
    "index-runs": { type: "string", default: "1" },
    saves: { type: "string", default: "20" },
    only: { type: "string" },
    "sqlite-file": { type: "string" },
    reuse: { type: "boolean", default: false },
  },
});
const num = (name: keyof typeof args) => {
  const v = Number(args[name]);
  if (!Number.isInteger(v) || v < 0) throw new Error(`--${name} must be a non-negative integer`);
  return v;
};
const COUNT = num("count");
const SAMPLES = num("samples");
const HTTP_SECONDS = num("http-seconds");
const PUBLISH_EVERY_S = num("publish-every");
const SAVES = num("saves");
const INDEX_RUNS = Math.max(1, num("index-runs"));

async function bench(engine: "sqlite" | "postgresql", url: string): Promise<EngineReport> {
  console.error(`\n${engine}: ${COUNT} releases → ${url.replace(/\/\/[^@]*@/, "//")}`);
  await migrate(url);
  const now = new Date();
  const db = createDb(url);
  try {
    const held = await db.release.count();
    if (args.reuse && held === COUNT) console.error(`reusing the ${COUNT} releases of the database`);
    else {
      if (held > 0) throw new Error(`the database holds ${held} releases, not ${COUNT}`);
      const loading = progressBar("Generating corpus");
      await loadCorpus(url, COUNT, now, (n) => loading.update(n, COUNT));
      loading.finish();
    }
    const rebuilds: IndexRun[] = [];
    let index!: Awaited<ReturnType<typeof reindexSearch>>;
    for (let run = 1; run <= INDEX_RUNS; run++) {
      const bar = progressBar(INDEX_RUNS > 1 ? `Indexing releases (${run}/${INDEX_RUNS})` : "Indexing releases");
      const cpu = process.cpuUsage();
      const load = loadavg()[0]!;
      index = await reindexSearch(db, (d, t) => bar.update(d, t));
      const used = process.cpuUsage(cpu);
      bar.finish();
      rebuilds.push({ s: index.ms / 1000, cpuS: (used.user + used.system) / 1e6, load });
    }
    const [raw] = await db.$queryRawUnsafe<{ bytes: number | bigint }[]>(RAW_TEXT_SQL[engine]);
    const sample = await sampleQueries(db, SAMPLES);
    const timing = progressBar("Timing queries");
    for (const set of sample.classes.slice(0, 2))
      for (const q of set.queries.slice(0, 20)) await timeQuery(db, q, set.locale, now);
    const classes: { name: string; timing: Timing; shares?: number[] }[] = [];
    for (const [i, set] of sample.classes.entries()) {
      classes.push({ name: set.name, timing: await timeClass(db, set, now), shares: set.shares });
      timing.update(i + 1, sample.classes.length);
    }
    timing.finish();
    const topChars = [];
    for (const { char, share } of sample.topChars) {
      const runs = [];
      for (let r = 0; r < 3; r++) runs.push(await timeQuery(db, char, "zh", now));
      topChars.push({ char, share, ms: Math.max(...runs.map((x) => x.ms)), total: runs[0]!.total });
    }
    const writes = SAVES > 0 ? await timeWrites(db, SAVES) : null;
    let http: HttpRun[] = [];
    if (HTTP_SECONDS > 0) {
      console.error("HTTP: npm start (builds first if the sources changed)…");
      const editor =
        PUBLISH_EVERY_S > 0 ? { account: await prepareEditor(db), everyMs: PUBLISH_EVERY_S * 1000 } : undefined;
      const log = `/tmp/newsroom-bench-search-${engine}-server.log`;
      http = await timeHttp(url, await freePort(), log, HTTP_SECONDS, editor);
    }
    return {
      engine,
      releases: index.releases,
      documents: index.documents,
      rebuilds,
      indexBytes: await searchIndexSize(db),
      rawBytes: Number(raw?.bytes ?? 0),
      classes,
      topChars,
      writes,
      http,
    };
  } finally {
    await db.$disconnect();
  }
}

async function main() {
  process.env.SEARCH_BACKGROUND_MERGE = "0"; // the writes benchmark merges explicitly
  const reports: EngineReport[] = [];
  const file = args["sqlite-file"] ?? `/tmp/newsroom-bench-search-${process.pid}.db`;
  const clean = () => ["", "-wal", "-shm"].forEach((s) => rmSync(file + s, { force: true }));
  if (args.only !== "postgresql") {
    if (!args.reuse) clean();
    try {
      reports.push(await bench("sqlite", `file:${file}`));
    } finally {
      if (!args["sqlite-file"]) clean();
    }
  }
  const pgUrl = process.env.TEST_DATABASE_URL;
  if (pgUrl && args.only !== "sqlite") {
    if (!args.reuse) {
      const client = new pg.Client({ connectionString: pgUrl });
      await client.connect();
      await client.query("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
      await client.end();
    }
    reports.push(await bench("postgresql", pgUrl));
  }
  printReport(reports, { count: COUNT, samples: SAMPLES });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
