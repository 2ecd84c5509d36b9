// One run of `npm run bench:reindex` (scripts/bench-reindex.ts), in its own process: the rebuild's
// wall time, CPU time (this process, and the PostgreSQL server's when it runs on this machine),
// peak RSS, and a digest of the index it wrote.
import Database from "better-sqlite3";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import pg from "pg";
import { createDb } from "../../src/server/db/client";
import { isPostgresUrl, sqlitePath } from "../../src/server/env";
import { reindexSearch } from "../../src/server/search";

export interface RunFigures {
  releases: number;
  documents: number;
  wallMs: number;
  cpuMs: number;
  /** CPU time of the PostgreSQL server (all its processes) during the run; null on SQLite */
  serverCpuMs: number | null;
  peakRssMb: number;
  digest: string;
}

const TICK_MS = 10; // Linux's USER_HZ is 100

/** utime, stime, cutime, cstime and the parent pid of a process, from /proc. */
function procStat(pid: number) {
  const text = readFileSync(`/proc/${pid}/stat`, "utf8");
  const f = text.slice(text.lastIndexOf(")") + 2).split(" "); // f[0] is field 3 (state)
  return {
    ppid: Number(f[1]),
    own: (Number(f[11]) + Number(f[12])) * TICK_MS,
    children: (Number(f[13]) + Number(f[14])) * TICK_MS,
  };
}

/** CPU ms used so far by the PostgreSQL server at `url`: the postmaster, its live and its ended children. */
async function serverCpu(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
  const master = procStat(rows[0]!.pid).ppid;
  await client.end();
  let ms = procStat(master).own + procStat(master).children;
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const s = procStat(Number(name));
      if (s.ppid === master) ms += s.own;
    } catch {
      // the process ended meanwhile: its time is in the postmaster's children
    }
  }
  return ms;
}

const BLOCKS = `SELECT "term", "last", "n", "docs", "pos" FROM "SearchBlock" ORDER BY "term", "last"`;
const DOCS = `SELECT "id", "role", "releaseId", "locale", "sortAt", "sourceHash" FROM "SearchDocument" ORDER BY "id"`;

/** A digest of the index's rows, the same on both engines for the same index. */
async function digest(url: string): Promise<string> {
  const hash = createHash("sha256");
  const add = (row: Record<string, unknown>) => {
    for (const v of Object.values(row)) hash.update(v instanceof Uint8Array ? v : `${String(v)}\u0000`);
    hash.update("\u0001");
  };
  if (isPostgresUrl(url)) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const blocks = BLOCKS.replace(`"last", "n"`, `"last"::float8, "n"`).replace(
      `ORDER BY "term"`,
      `ORDER BY "term" COLLATE "C"`,
    );
    for (const row of (await client.query<Record<string, unknown>>(blocks)).rows) add(row);
    const docs = DOCS.replace(`"id", "role"`, `"id"::float8, "role"`).replace(`"sortAt"`, `"sortAt"::float8`);
    for (const row of (await client.query<Record<string, unknown>>(docs)).rows) add(row);
    await client.end();
  } else {
    const db = new Database(sqlitePath(url), { readonly: true });
    for (const row of db.prepare(BLOCKS).iterate()) add(row as Record<string, unknown>);
    for (const row of db.prepare(DOCS).iterate()) add(row as Record<string, unknown>);
    db.close();
  }
  return hash.digest("hex").slice(0, 16);
}

export async function runChild(url: string): Promise<void> {
  process.env.SEARCH_BACKGROUND_MERGE = "0";
  const postgres = isPostgresUrl(url);
  const db = createDb(url);
  const server = postgres ? await serverCpu(url) : 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  const report = await reindexSearch(db);
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const figures: RunFigures = {
    releases: report.releases,
    documents: report.documents,
    wallMs: Math.round(wallMs),
    cpuMs: Math.round((used.user + used.system) / 1000),
    serverCpuMs: postgres ? (await serverCpu(url)) - server : null,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    digest: "",
  };
  await db.$disconnect();
  figures.digest = await digest(url);
  console.log(JSON.stringify(figures));
  process.exit(0); // the index's own connections stay open otherwise
}
