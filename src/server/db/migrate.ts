import "server-only";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { isPostgresUrl, sqlitePath } from "../env";

// Applies the committed migration.sql files in order, once each, recording name and checksum.
// One runner for both engines: Prisma's migrate deploy needs a native engine on PostgreSQL here.

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export function migrationsDir(url: string): string {
  return path.join(process.cwd(), "prisma", isPostgresUrl(url) ? "postgres/migrations" : "migrations");
}

export function loadMigrations(dir: string): Migration[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(path.join(dir, e.name, "migration.sql")))
    .map((e) => e.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

export class MigrationChecksumError extends Error {
  constructor(name: string) {
    super(`Migration ${name} was changed after it was applied; add a new migration instead.`);
  }
}

function pending(all: Migration[], applied: Map<string, string>): Migration[] {
  for (const m of all) {
    const sum = applied.get(m.name);
    if (sum !== undefined && sum !== m.checksum) throw new MigrationChecksumError(m.name);
  }
  return all.filter((m) => !applied.has(m.name));
}

const TABLE = `CREATE TABLE IF NOT EXISTS "_newsroom_migrations" ("name" TEXT PRIMARY KEY, "checksum" TEXT NOT NULL, "applied_at" TEXT NOT NULL)`;

function migrateSqlite(url: string, migrations: Migration[]): string[] {
  const file = sqlitePath(url);
  mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  try {
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("busy_timeout = 5000");
    sqlite.exec(TABLE);
    const run = sqlite.transaction(() => {
      const rows = sqlite.prepare(`SELECT name, checksum FROM "_newsroom_migrations"`).all() as {
        name: string;
        checksum: string;
      }[];
      const todo = pending(migrations, new Map(rows.map((r) => [r.name, r.checksum])));
      const record = sqlite.prepare(`INSERT INTO "_newsroom_migrations" VALUES (?, ?, ?)`);
      for (const m of todo) {
        sqlite.exec(m.sql);
        record.run(m.name, m.checksum, new Date().toISOString());
      }
      return todo.map((m) => m.name);
    });
    return run.immediate();
  } finally {
    sqlite.close();
  }
}

async function migratePostgres(url: string, migrations: Migration[]): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // Several app instances may start at once: one migrates, the others wait and find nothing to do.
    await client.query("SELECT pg_advisory_lock(7243001)");
    await client.query(TABLE);
    const { rows } = await client.query<{ name: string; checksum: string }>(
      `SELECT name, checksum FROM "_newsroom_migrations"`,
    );
    const todo = pending(migrations, new Map(rows.map((r) => [r.name, r.checksum])));
    for (const m of todo) {
      await client.query("BEGIN");
      try {
        await client.query(m.sql);
        await client.query(`INSERT INTO "_newsroom_migrations" VALUES ($1, $2, $3)`, [
          m.name,
          m.checksum,
          new Date().toISOString(),
        ]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
    }
    return todo.map((m) => m.name);
  } finally {
    await client.query("SELECT pg_advisory_unlock(7243001)").catch(() => undefined);
    await client.end();
  }
}

/** Applies pending migrations; returns the names applied. */
export async function migrate(url: string, dir = migrationsDir(url)): Promise<string[]> {
  const migrations = loadMigrations(dir);
  return isPostgresUrl(url) ? migratePostgres(url, migrations) : migrateSqlite(url, migrations);
}
