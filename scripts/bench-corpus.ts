// `npm run bench:corpus [-- --chars N --releases N]`: measures the benchmark corpus. Prints the
// share of the top 1/10/100/1,000/2,500 characters in N generated Chinese characters (default
// 1,000,000) beside the published anchors, then loads N releases (default 20,000) into a fresh
// SQLite file and, when TEST_DATABASE_URL is set, into that PostgreSQL database (WIPED), and
// prints the load rate. The search index is not built (that is `npm run search:reindex`).
import "dotenv/config";
import { rmSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { parseArgs } from "node:util";
import pg from "pg";
import { migrate } from "../src/server/db/migrate";
import { loadArchive } from "./bench/archive";
import { rng } from "./bench/random";
import { topShares } from "./bench/zh-frequency";
import { zhText } from "./bench/zh-text";
import { progressBar } from "./search/progress";

const { values } = parseArgs({
  options: { chars: { type: "string", default: "1000000" }, releases: { type: "string", default: "20000" } },
});
const CHARS = Number(values.chars);
const RELEASES = Number(values.releases);
const ANCHORS = [
  [1, "3–5% (的 4.1%)"],
  [10, "12–15%"],
  [100, "40–45%"],
  [1000, "85–90%"],
  [2500, "97–98%"],
] as const;

function distribution() {
  const text = zhText(rng(1));
  const parts: string[] = [];
  let length = 0;
  while (length < CHARS) {
    const p = text.paragraph();
    parts.push(p);
    length += p.length;
  }
  const shares = topShares(
    parts.join(""),
    ANCHORS.map(([k]) => k),
  );
  console.log(`\nGenerated Chinese, ${CHARS.toLocaleString("en")} characters (seed 1), Han characters only:\n`);
  console.log("| most frequent | share in generated text | published anchor |\n|---|---:|---|");
  ANCHORS.forEach(([k, anchor], i) =>
    console.log(`| top ${k.toLocaleString("en")} | ${(shares[i]! * 100).toFixed(1)}% | ${anchor} |`),
  );
}

async function load(engine: string, url: string) {
  await migrate(url);
  const bar = progressBar(`Loading ${engine}`);
  const report = await loadArchive(url, { releases: RELEASES, onProgress: (d, t) => bar.update(d, t) });
  bar.finish();
  const perCpu = Math.round(report.releases / (report.cpuMs / 1000)).toLocaleString("en");
  return `| ${engine} | ${report.releases.toLocaleString("en")} | ${report.publications.toLocaleString("en")} | ${(report.ms / 1000).toFixed(1)} | ${report.releasesPerSecond.toLocaleString("en")} | ${(report.cpuMs / 1000).toFixed(1)} | ${perCpu} |`;
}

async function main() {
  const load0 = loadavg()[0]!;
  distribution();
  const rows: string[] = [];
  const file = `/tmp/newsroom-bench-corpus-${process.pid}.db`;
  const clean = () => ["", "-wal", "-shm"].forEach((s) => rmSync(file + s, { force: true }));
  clean();
  try {
    rows.push(await load("sqlite", `file:${file}`));
  } finally {
    clean();
  }
  const pgUrl = process.env.TEST_DATABASE_URL;
  if (pgUrl) {
    const client = new pg.Client({ connectionString: pgUrl });
    await client.connect();
    await client.query("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
    await client.end();
    rows.push(await load("postgresql", pgUrl));
  }
  console.log(`\nLoad average at start: ${load0.toFixed(1)} (${cpus().length} cores).`);
  console.log(
    "\n| engine | releases | publications | load s | releases/s | loader CPU s | releases per loader CPU s |",
  );
  console.log("|---|---:|---:|---:|---:|---:|---:|");
  console.log(rows.join("\n"));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
