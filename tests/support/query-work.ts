// Measures the database work of a piece of server code: every statement it sends is recorded at
// the driver (SQL and bound values), then re-run by the engine's own instruments:
// - SQLite: the bytes the engine reads from the database file (/proc/thread-self/io), its page
//   cache emptied first, in 4 KiB pages;
// - PostgreSQL: the rows its plan reads from tables and indexes (EXPLAIN ANALYZE: rows each scan
//   returned or filtered out, times its loops).
// A query that scans or counts the archive reads more of either as the archive grows, whatever its plan.
import { readFileSync } from "node:fs";
import Database from "better-sqlite3";
import pg from "pg";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../src/server/db/generated/sqlite/client";
import { PrismaClient as PgPrismaClient } from "../../src/server/db/generated/postgres/client";
import type { Db } from "../../src/server/db/client";
import { isPostgresUrl, sqlitePath } from "../../src/server/env";

export interface Work {
  /** statements that read (SELECT) */
  queries: number;
  /** statements that write: a public read must make none */
  writes: number;
  /** what those reads cost the engine: pages (SQLite) or rows (PostgreSQL) */
  reads: number;
  /** each read statement with its cost */
  sql: string[];
}

export interface WorkMeter {
  /** a Prisma client whose statements are recorded */
  db: Db;
  measure(run: () => Promise<unknown>): Promise<Work>;
  /** what `reads` counts */
  unit: "pages" | "rows";
  close(): Promise<void>;
}

interface Recorded {
  sql: string;
  args: unknown[];
}

const isRead = (sql: string) => /^\s*SELECT\b/i.test(sql);
const isWrite = (sql: string) => /^\s*(INSERT|UPDATE|DELETE)\b/i.test(sql);

function sqliteMeter(url: string): WorkMeter {
  const log: Recorded[] = [];
  const factory = new PrismaBetterSQLite3({ url: `file:${sqlitePath(url)}`, timeout: 5_000 });
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const client = (adapter as unknown as { client: Database.Database }).client;
    const prepare = client.prepare.bind(client);
    client.prepare = ((sql: string) => {
      const stmt = prepare(sql);
      const bind = stmt.bind.bind(stmt);
      stmt.bind = (args: unknown[]) => {
        log.push({ sql, args });
        return bind(args);
      };
      return stmt;
    }) as typeof client.prepare;
    return adapter;
  };
  const db = new PrismaClient({ adapter: factory });
  const meter = new Database(sqlitePath(url), { readonly: true, fileMustExist: true });
  const rchar = () => Number(/rchar: (\d+)/.exec(readFileSync("/proc/thread-self/io", "utf8"))![1]);
  const probe = (() => {
    const a = rchar();
    return rchar() - a; // what reading the counter itself adds
  })();
  const pagesOf = (q: Recorded) => {
    const stmt = meter.prepare(q.sql);
    meter.pragma("shrink_memory");
    const before = rchar();
    stmt.raw(true).all(...q.args);
    return Math.max(0, rchar() - before - probe) / 4096;
  };
  return {
    db,
    unit: "pages",
    measure: (run) => measureWith(log, run, async (q) => pagesOf(q)),
    close: async () => {
      meter.close();
      await db.$disconnect();
    },
  };
}

function postgresMeter(url: string): WorkMeter {
  const log: Recorded[] = [];
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  const query = pool.query.bind(pool) as (...a: unknown[]) => Promise<unknown>;
  (pool as unknown as { query: unknown }).query = (
    config: { text: string; values?: unknown[] },
    values?: unknown[],
  ) => {
    log.push({ sql: config.text, args: values ?? config.values ?? [] });
    return query(config, values);
  };
  const db = new PgPrismaClient({ adapter: new PrismaPg(pool) }) as unknown as Db;
  const client = new pg.Client({ connectionString: url });
  const connected = client.connect();
  const rowsOf = async (q: Recorded) => {
    await connected;
    const res = await client.query<{ "QUERY PLAN": [{ Plan: PlanNode }] }>(
      `EXPLAIN (ANALYZE, FORMAT JSON) ${q.sql}`,
      q.args,
    );
    return rowsRead(res.rows[0]!["QUERY PLAN"][0].Plan);
  };
  return {
    db,
    unit: "rows",
    measure: (run) => measureWith(log, run, rowsOf),
    close: async () => {
      await client.end();
      await db.$disconnect();
      await pool.end().catch(() => undefined);
    },
  };
}

interface PlanNode {
  "Relation Name"?: string;
  "Actual Rows": number;
  "Actual Loops": number;
  "Rows Removed by Filter"?: number;
  "Rows Removed by Index Recheck"?: number;
  Plans?: PlanNode[];
}

/** Rows read by the scans of a plan: returned or filtered out, per loop, times the loops. */
function rowsRead(node: PlanNode): number {
  const own = node["Relation Name"]
    ? (node["Actual Rows"] + (node["Rows Removed by Filter"] ?? 0) + (node["Rows Removed by Index Recheck"] ?? 0)) *
      node["Actual Loops"]
    : 0;
  return own + (node.Plans ?? []).reduce((n, child) => n + rowsRead(child), 0);
}

async function measureWith(log: Recorded[], run: () => Promise<unknown>, costOf: (q: Recorded) => Promise<number>) {
  log.length = 0;
  await run();
  const reads = log.filter((q) => isRead(q.sql));
  const each: number[] = [];
  for (const q of reads) each.push(await costOf(q));
  return {
    queries: reads.length,
    writes: log.filter((q) => isWrite(q.sql)).length,
    reads: Math.round(each.reduce((a, b) => a + b, 0) * 10) / 10,
    sql: reads.map((q, i) => `${Math.round(each[i]! * 10) / 10}: ${q.sql}`),
  };
}

export const workMeter = (url: string): WorkMeter => (isPostgresUrl(url) ? postgresMeter(url) : sqliteMeter(url));
