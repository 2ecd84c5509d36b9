// `npm run bench:import -- --releases 100000 [--engine sqlite|postgresql] [--interrupt-at 0.5]`:
// writes a plain-text archive, then imports it with the real command
// (`npm run import:text -- DIR --publish`) into a fresh database (TEST_DATABASE_URL is WIPED for
// postgresql). The run is killed (SIGKILL) at --interrupt-at of the way and started again, which
// must finish the archive without a duplicate. Reports the rate per tenth of the archive, the
// importer's memory, and what the second run found.
import "dotenv/config";
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import pg from "pg";
import { insertUser } from "../src/server/auth/users";
import { createDb } from "../src/server/db/client";
import { migrate } from "../src/server/db/migrate";
import { bulkArgs } from "./lib/server-command";
import { progressBar } from "./search/progress";
import { writeTextArchive } from "./scale/text-archive";

const { values: args } = parseArgs({
  options: {
    releases: { type: "string", default: "10000" },
    engine: { type: "string", default: "sqlite" },
    "interrupt-at": { type: "string", default: "0.5" },
    keep: { type: "boolean", default: false },
  },
});
const RELEASES = Number(args.releases);
const INTERRUPT = Number(args["interrupt-at"]);
const PG_URL = process.env.TEST_DATABASE_URL;
if (args.engine === "postgresql" && !PG_URL?.startsWith("postgres"))
  throw new Error("postgresql needs TEST_DATABASE_URL");
const dir = mkdtempSync(path.join(tmpdir(), "newsroom-import-"));
const url = args.engine === "postgresql" ? PG_URL! : `file:${path.join(dir, "newsroom.db")}`;
const ADMIN = "import-bench@example.com";

interface Run {
  lines: number;
  /** seconds at which each tenth of the archive was done (releases imported by this run) */
  tenths: number[];
  seconds: number;
  peakMb: number;
  summary: string;
}

const rssOf = (pid: number) => {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
};

/** One run of the real command; `stopAfter` kills it (SIGKILL) once that many releases are done. */
function importOnce(stopAfter?: number): Promise<Run> {
  const child = spawn(
    process.execPath,
    [...bulkArgs("scripts/import-text.ts"), path.join(dir, "archive"), "--publish", "--as", ADMIN],
    {
      env: { ...process.env, DATABASE_URL: url },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const started = performance.now();
  const run: Run = { lines: 0, tenths: [], seconds: 0, peakMb: 0, summary: "" };
  const sampler = setInterval(() => (run.peakMb = Math.max(run.peakMb, rssOf(child.pid!))), 500);
  createInterface({ input: child.stdout }).on("line", (line) => {
    if (/^(imported|finished|unchanged) /.test(line)) {
      run.lines += 1;
      if (run.lines % Math.max(1, Math.floor(RELEASES / 10)) === 0)
        run.tenths.push((performance.now() - started) / 1000);
      if (stopAfter && run.lines === stopAfter) child.kill("SIGKILL");
    } else if (/ imported, /.test(line)) run.summary = line;
  });
  return new Promise((resolve) =>
    child.on("exit", () => {
      clearInterval(sampler);
      run.seconds = (performance.now() - started) / 1000;
      resolve(run);
    }),
  );
}

async function prepareDatabase() {
  if (args.engine === "postgresql") {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
    await client.end();
  }
  await migrate(url);
  const db = createDb(url);
  await insertUser(db, { email: ADMIN, displayName: "Import", role: "ADMIN", password: "import-bench-password" }, null);
  return db;
}

async function main() {
  const bar = progressBar("Writing the text archive");
  writeTextArchive(path.join(dir, "archive"), RELEASES, Date.now(), (n) => bar.update(n, RELEASES));
  bar.finish();
  const db = await prepareDatabase();
  const first = await importOnce(Math.floor(RELEASES * INTERRUPT));
  const second = await importOnce();
  const [releases, publications] = [await db.release.count(), await db.publication.count()];
  const slugs = await db.releaseContent.groupBy({ by: ["slug"], where: { locale: "zh" }, _count: { _all: true } });
  await db.$disconnect();
  const rates = (r: Run) =>
    r.tenths.map((t, i) => Math.round(Math.floor(RELEASES / 10) / (t - (r.tenths[i - 1] ?? 0)))).join(", ");
  console.log(`\n### import:text --publish, ${args.engine}, ${RELEASES.toLocaleString("en")} releases\n`);
  console.log(
    `First run, killed after ${first.lines} releases: ${first.seconds.toFixed(0)} s, releases/s per tenth: ${rates(first)}; peak RSS ${Math.round(first.peakMb)} MB.`,
  );
  console.log(
    `Second run: ${second.seconds.toFixed(0)} s, releases/s per tenth: ${rates(second)}; peak RSS ${Math.round(second.peakMb)} MB.`,
  );
  console.log(`Second run said: ${second.summary}`);
  console.log(`Database: ${releases} releases, ${publications} publications, ${slugs.length} distinct slugs.`);
  const ok = releases === RELEASES && slugs.length === RELEASES;
  if (!ok) console.error("FAILED: the archive was not imported exactly once");
  return ok;
}

main()
  .then((ok) => {
    if (!args.keep) rmSync(dir, { recursive: true, force: true });
    process.exit(ok ? 0 : 1);
  })
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
