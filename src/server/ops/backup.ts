import "server-only";
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { migrate } from "../db/migrate";
import { isPostgresUrl, sqlitePath } from "../env";
import { OpsError, fileStamp } from "./errors";

// Backup and restore of the embedded SQLite database. PostgreSQL has its own tools (pg_dump,
// pg_restore); these functions say so instead of doing half a job. See docs/OPERATIONS.md.

export const PG_BACKUP_HINT =
  'On PostgreSQL use pg_dump: pg_dump --format=custom --file=newsroom-$(date -u +%Y%m%dT%H%M%SZ).dump "$DATABASE_URL"';
export const PG_RESTORE_HINT =
  'On PostgreSQL use pg_restore: pg_restore --clean --if-exists --no-owner --dbname="$DATABASE_URL" FILE.dump, then npm run db:migrate';

export function defaultBackupFile(now = new Date()): string {
  return path.join(process.cwd(), "backups", `newsroom-${fileStamp(now)}.db`);
}

function sqliteFileOf(url: string, hint: string): string {
  if (isPostgresUrl(url)) throw new OpsError(hint, 2);
  return sqlitePath(url);
}

/**
 * Online backup (SQLite's backup API): consistent even while the app reads and writes, because
 * the copy restarts when another connection changes a page it already copied.
 */
export async function backupDatabase(
  url: string,
  outFile = defaultBackupFile(),
): Promise<{ file: string; bytes: number }> {
  const source = sqliteFileOf(url, PG_BACKUP_HINT);
  const file = path.resolve(outFile);
  if (!existsSync(source)) throw new OpsError(`No database at ${source}.`);
  if (existsSync(file)) throw new OpsError(`${file} already exists; choose another --out.`);
  mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(source, { fileMustExist: true });
  try {
    sqlite.pragma("busy_timeout = 5000");
    await sqlite.backup(file);
  } catch (error) {
    rmSync(file, { force: true });
    throw error;
  } finally {
    sqlite.close();
  }
  return { file, bytes: statSync(file).size };
}

/** Throws an OpsError unless `file` is an intact SQLite database made by this app. */
export function verifyBackupFile(file: string): void {
  let sqlite: Database.Database | undefined;
  try {
    sqlite = new Database(file, { fileMustExist: true });
    const table = sqlite
      .prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_newsroom_migrations'`)
      .get();
    if (!table)
      throw new OpsError(`${file} is a SQLite database but not a Newsroom one (no _newsroom_migrations table).`);
    const check = sqlite.pragma("integrity_check") as { integrity_check: string }[];
    if (check[0]?.integrity_check !== "ok") {
      throw new OpsError(`${file} failed PRAGMA integrity_check: ${check.map((r) => r.integrity_check).join("; ")}`);
    }
  } catch (error) {
    if (error instanceof OpsError) throw error;
    throw new OpsError(`${file} is not a readable SQLite database (${(error as Error).message}).`);
  } finally {
    sqlite?.close();
  }
}

export interface RestoreReport {
  target: string;
  /** the database that was replaced, copied aside first */
  safetyCopy: string | null;
  migrations: string[];
}

/**
 * Replaces the database with a backup. Stop the app first: a running server keeps the old file
 * open. Checks the backup before touching anything; an existing database needs `force` and is
 * copied aside (`<db>.before-restore-<stamp>`); then applies pending migrations.
 */
export async function restoreDatabase(url: string, backupFile: string, { force = false } = {}): Promise<RestoreReport> {
  const target = sqliteFileOf(url, PG_RESTORE_HINT);
  const source = path.resolve(backupFile);
  if (!existsSync(source) || !statSync(source).isFile()) throw new OpsError(`No backup file at ${source}.`);
  if (source === target) throw new OpsError(`${source} is the database itself; nothing to restore.`);
  const exists = existsSync(target);
  if (exists && !force) {
    throw new OpsError(`${target} exists. Stop the app, then run again with --force (a safety copy is made first).`);
  }
  // Check a private copy, so the backup file itself is never opened for writing.
  mkdirSync(path.dirname(target), { recursive: true });
  const staged = `${target}.restore-${process.pid}`;
  copyFileSync(source, staged);
  try {
    verifyBackupFile(staged);
  } catch (error) {
    removeDb(staged);
    throw error;
  }
  let safetyCopy: string | null = null;
  if (exists) {
    safetyCopy = `${target}.before-restore-${fileStamp()}`;
    await backupDatabase(`file:${target}`, safetyCopy);
  }
  // The old database's -wal/-shm would be replayed onto the restored file: remove them first.
  for (const suffix of ["-wal", "-shm"]) rmSync(target + suffix, { force: true });
  for (const suffix of ["-wal", "-shm"]) rmSync(staged + suffix, { force: true });
  renameSync(staged, target);
  const migrations = await migrate(`file:${target}`);
  return { target, safetyCopy, migrations };
}

function removeDb(file: string): void {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
}
