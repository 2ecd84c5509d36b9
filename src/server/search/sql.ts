import "server-only";
import Database from "better-sqlite3";
import pg from "pg";
import { isPostgresUrl, sqlitePath } from "../env";
import { log } from "../log";
import type { Client } from "./documents";

// How the search index talks to the database. Inside an app transaction (sync.ts) it goes through
// that Prisma transaction; searches, merges and rebuilds use the driver directly, because Prisma's
// raw queries cost about a millisecond each plus ~0.2 ms per parameter and row, which a search
// (several statements, tens of rows) and a rebuild (millions of rows) cannot afford.

export interface Sql {
  all<T>(sql: string, params?: unknown[]): Promise<T[]>;
  run(sql: string, params?: unknown[]): Promise<void>;
  /** `run`, and the statement must change exactly `rows` rows, else the transaction fails with StaleWrite. */
  runChanging(sql: string, params: unknown[], rows: number): Promise<void>;
}

/** A write found the rows it had read already changed by another writer: nothing was written. */
export class StaleWrite extends Error {}

const expectChanged = (changed: number, rows: number) => {
  if (changed !== rows) throw new StaleWrite(`expected ${rows} rows changed, got ${changed}`);
};

export interface SearchConnection {
  engine: "sqlite" | "postgresql";
  /** reads outside any transaction */
  read: Sql;
  /** one write transaction at a time (per process; across processes the store locks) */
  write<T>(work: (sql: Sql) => Promise<T>): Promise<T>;
  /**
   * A write whose reads see committed data and whose writes are applied at the end, all at once.
   * On SQLite they run in one synchronous transaction: the thread never waits inside an open
   * transaction, so the app's own writes on the same thread (Prisma, synchronous under
   * better-sqlite3) can never block against it. Guards (runChanging) detect a concurrent writer.
   */
  writeBatch<T>(work: (sql: Sql) => Promise<T>): Promise<T>;
}

export const prismaSql = (tx: Client): Sql => ({
  all: <T>(sql: string, params: unknown[] = []) => tx.$queryRawUnsafe<T[]>(sql, ...params),
  run: async (sql, params = []) => {
    await tx.$executeRawUnsafe(sql, ...params);
  },
  runChanging: async (sql, params, rows) => expectChanged(await tx.$executeRawUnsafe(sql, ...params), rows),
});

function sqliteSql(db: Database.Database): Sql {
  const statements = new Map<string, Database.Statement>();
  const prepared = (sql: string) => {
    let s = statements.get(sql);
    if (!s) {
      if (statements.size >= 1_000) statements.clear(); // statements whose text varies with list lengths
      statements.set(sql, (s = db.prepare(sql)));
    }
    return s;
  };
  return {
    // new Promise: a driver error becomes a rejection, as from any other engine.
    all: <T>(sql: string, params: unknown[] = []) => new Promise<T[]>((ok) => ok(prepared(sql).all(...params) as T[])),
    run: (sql, params = []) =>
      new Promise<void>((ok) => {
        prepared(sql).run(...params);
        ok();
      }),
    runChanging: (sql, params, rows) =>
      new Promise<void>((ok) => {
        expectChanged(prepared(sql).run(...params).changes, rows);
        ok();
      }),
  };
}

/** Reads at once (committed data), writes kept for later: see SearchConnection.writeBatch. */
function deferredSql(db: Database.Database, reads: Sql) {
  const writes: { sql: string; params: unknown[]; rows?: number }[] = [];
  const sql: Sql = {
    all: (text, params) => reads.all(text, params),
    run: (text, params = []) => {
      writes.push({ sql: text, params });
      return Promise.resolve();
    },
    runChanging: (text, params, rows) => {
      writes.push({ sql: text, params, rows });
      return Promise.resolve();
    },
  };
  const apply = db.transaction(() => {
    for (const w of writes) {
      const { changes } = db.prepare(w.sql).run(...w.params);
      if (w.rows !== undefined) expectChanged(changes, w.rows);
    }
  });
  return { sql, commit: () => apply.immediate() };
}

const isBusy = (error: unknown) => (error as { code?: string }).code === "SQLITE_BUSY";
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `commit` (synchronous), retrying while another connection holds the write lock. */
async function commitWhenFree(commit: () => void): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      return commit();
    } catch (error) {
      if (!isBusy(error) || attempt >= 200) throw error;
      await pause(Math.min(5 + attempt * 5, 100)); // lets the lock holder (maybe on this thread) finish
    }
  }
}

/** Runs `work` after every earlier call has finished (one transaction at a time on a connection). */
function serial() {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>): Promise<T> => {
    const next = tail.then(work, work);
    tail = next.catch(() => undefined);
    return next;
  };
}

function openSqlite(url: string): SearchConnection {
  const open = () => {
    const db = new Database(sqlitePath(url));
    db.pragma("journal_mode = WAL");
    db.pragma("busy_timeout = 10000");
    return db;
  };
  const writer = open();
  const writeSql = sqliteSql(writer);
  // The batch writer never waits for the lock inside SQLite (that would block this thread): it retries.
  const batchWriter = open();
  batchWriter.pragma("busy_timeout = 0");
  const queue = serial();
  return {
    engine: "sqlite",
    read: sqliteSql(open()),
    writeBatch: (work) =>
      queue(async () => {
        const { sql, commit } = deferredSql(batchWriter, sqliteSql(batchWriter));
        const result = await work(sql);
        await commitWhenFree(commit);
        return result;
      }),
    write: (work) =>
      queue(async () => {
        writer.exec("BEGIN IMMEDIATE");
        try {
          const result = await work(writeSql);
          writer.exec("COMMIT");
          return result;
        } catch (error) {
          if (writer.inTransaction) writer.exec("ROLLBACK");
          throw error;
        }
      }),
  };
}

function openPostgres(url: string): SearchConnection {
  const pool = new pg.Pool({ connectionString: url, max: 4, connectionTimeoutMillis: 5_000, allowExitOnIdle: true });
  // An idle connection the database drops (a restart, a failover) is an 'error' on the pool; without
  // a listener it would be an uncaught exception that ends the process. The pool replaces it.
  pool.on("error", (err) => log.warn({ err: err.message }, "search index: idle database connection lost"));
  const pgSql = (q: pg.Pool | pg.PoolClient): Sql => ({
    all: async <T>(sql: string, params: unknown[] = []) => (await q.query(sql, params)).rows as T[],
    run: async (sql, params = []) => {
      await q.query(sql, params);
    },
    runChanging: async (sql, params, rows) => expectChanged((await q.query(sql, params)).rowCount ?? 0, rows),
  });
  const queue = serial();
  const write = <T>(work: (sql: Sql) => Promise<T>): Promise<T> =>
    queue(async () => {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await work(pgSql(client));
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    });
  // PostgreSQL's locks wait without blocking the thread: a batch is an ordinary transaction.
  return { engine: "postgresql", read: pgSql(pool), write, writeBatch: write };
}

const connections = new Map<string, SearchConnection>();

/** The search index's own connection(s) to the database at `url`, opened once per process. */
export function searchConnection(url: string): SearchConnection {
  let c = connections.get(url);
  if (!c) connections.set(url, (c = isPostgresUrl(url) ? openPostgres(url) : openSqlite(url)));
  return c;
}
