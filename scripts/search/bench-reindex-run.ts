// One run of `npm run bench:reindex` (scripts/bench-reindex.ts), in its own process: the rebuild's
// wall time, CPU time (this process, and the PostgreSQL server's when it runs on this machine),
// peak RSS, and a digest of the index it wrote.
import Database from "better-sqlite3";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import pg from "pg";
import { decodeIds, decodePositions } from "../../src/domain/search/codec";
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
  /** digest of the lists' postings (see digest()) */
  lists: string;
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

/**
 * The postings of every list, whatever blocks hold them: per list its key, its ids, the count of
 * positions of each, and the positions. The same lists cut into other blocks digest alike.
 */
function listHasher() {
  const hash = createHash("sha256");
  let term: unknown;
  let ids: number[] = [];
  let counts: number[] = [];
  let positions: Int32Array[] = [];
  const end = () => {
    hash.update(`\u0002${String(term)}\u0000`);
    hash.update(new Float64Array(ids));
    hash.update(new Int32Array(counts));
    for (const p of positions) hash.update(p);
    [ids, counts, positions] = [[], [], []];
  };
  return {
    add(row: Record<string, unknown>) {
      if (row.term !== term && term !== undefined) end();
      term = row.term;
      const n = Number(row.n);
      ids.push(...decodeIds(row.docs as Uint8Array, Number(row.last)));
      const { start, values } = decodePositions(row.pos as Uint8Array, n);
      for (let i = 0; i < n; i++) counts.push(start[i + 1]! - start[i]!);
      positions.push(values);
    },
    digest() {
      if (term !== undefined) end();
      return hash.digest("hex").slice(0, 16);
    },
  };
}

/**
 * Digests of the index: of its rows (`blocks`: the same index, byte for byte), and of its lists'
 * postings (`lists`: the same lists, whatever the blocks). The same on both engines.
 */
async function digest(url: string): Promise<{ blocks: string; lists: string }> {
  const hash = createHash("sha256");
  const lists = listHasher();
  const row = (r: Record<string, unknown>) => {
    for (const v of Object.values(r)) hash.update(v instanceof Uint8Array ? v : `${String(v)}\u0000`);
    hash.update("\u0001");
  };
  const block = (r: Record<string, unknown>) => {
    row(r);
    lists.add(r);
  };
  if (isPostgresUrl(url)) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const blocks = BLOCKS.replace(`"last", "n"`, `"last"::float8, "n"`).replace(
      `ORDER BY "term"`,
      `ORDER BY "term" COLLATE "C"`,
    );
    const docs = DOCS.replace(`"id", "role"`, `"id"::float8, "role"`).replace(`"sortAt"`, `"sortAt"::float8`);
    // Through a cursor: 100,000 releases make 17 million block rows, more than a heap holds.
    await client.query("BEGIN READ ONLY");
    for (const [query, each] of [
      [blocks, block],
      [docs, row],
    ] as const) {
      await client.query(`DECLARE "rows" NO SCROLL CURSOR FOR ${query}`);
      for (;;) {
        const { rows } = await client.query<Record<string, unknown>>(`FETCH 20000 FROM "rows"`);
        if (rows.length === 0) break;
        rows.forEach((r) => each(r));
      }
      await client.query(`CLOSE "rows"`);
    }
    await client.query("COMMIT");
    await client.end();
  } else {
    const db = new Database(sqlitePath(url), { readonly: true });
    for (const r of db.prepare(BLOCKS).iterate()) block(r as Record<string, unknown>);
    for (const r of db.prepare(DOCS).iterate()) row(r as Record<string, unknown>);
    db.close();
  }
  return { blocks: hash.digest("hex").slice(0, 16), lists: lists.digest() };
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
    lists: "",
  };
  await db.$disconnect();
  ({ blocks: figures.digest, lists: figures.lists } = await digest(url));
  console.log(JSON.stringify(figures));
  process.exit(0); // the index's own connections stay open otherwise
}
