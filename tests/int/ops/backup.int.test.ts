import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createDb, type Db } from "../../../src/server/db/client";
import { migrate } from "../../../src/server/db/migrate";
import { backupDatabase, restoreDatabase } from "../../../src/server/ops/backup";
import { seedDemo } from "../../../src/server/seed/demo";

// Backup and restore of the embedded database, on real files in a temporary directory (these
// tests never touch the suite's database, so they run the same under TEST_DATABASE_URL).

const dir = mkdtempSync(path.join(tmpdir(), "newsroom-backup-"));
const dbFile = path.join(dir, "data", "newsroom.db");
const url = `file:${dbFile}`;
let db: Db;

const cli = (script: string, args: string[], databaseUrl = url) =>
  spawnSync("npx", ["--no-install", "tsx", "--conditions=react-server", `scripts/${script}`, ...args], {
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: databaseUrl },
    timeout: 60_000,
  });

const snapshot = async (client: Db) => ({
  releases: await client.release.count(),
  categories: (await client.category.findMany({ orderBy: { slug: "asc" } })).map((c) => c.nameEn),
  revisions: await client.revision.count(),
});

beforeAll(async () => {
  await migrate(url);
  db = createDb(url);
  await seedDemo(db, "newsroom-demo", new Date("2026-06-01T00:00:00Z"));
});

afterAll(async () => {
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

test("backup while connected → change data → restore brings back the data as at the backup", async () => {
  const before = await snapshot(db);
  const backup = await backupDatabase(url, path.join(dir, "backups", "b1.db"));
  expect(backup.bytes).toBeGreaterThan(10_000);

  await db.category.updateMany({ data: { nameEn: "Changed" } });
  await db.release.delete({ where: { id: (await db.release.findFirstOrThrow()).id } });
  expect(await snapshot(db)).not.toEqual(before);
  await db.$disconnect();

  await expect(restoreDatabase(url, backup.file)).rejects.toThrow(/exists\. Stop the app, then run again with --force/);
  const report = await restoreDatabase(url, backup.file, { force: true });
  expect(report.safetyCopy).toMatch(/newsroom\.db\.before-restore-\d{8}T\d{6}Z$/);
  expect(existsSync(report.safetyCopy!)).toBe(true);

  db = createDb(url);
  expect(await snapshot(db)).toEqual(before);
  // The safety copy holds the changed data.
  const aside = new Database(report.safetyCopy!, { readonly: true });
  expect(aside.prepare(`SELECT count(*) AS n FROM "Release"`).get()).toEqual({ n: before.releases - 1 });
  aside.close();
});

test("restore refuses files that are not an intact Newsroom database and changes nothing", async () => {
  const junk = path.join(dir, "junk.db");
  writeFileSync(junk, "not a database at all, just text that is long enough to have a header ".repeat(20));
  const foreign = path.join(dir, "foreign.db");
  const other = new Database(foreign);
  other.exec("CREATE TABLE t (x INTEGER)");
  other.close();
  const before = await snapshot(db);
  const files = readdirSync(path.dirname(dbFile)).sort();

  await expect(restoreDatabase(url, junk, { force: true })).rejects.toThrow(/is not a readable SQLite database/);
  await expect(restoreDatabase(url, foreign, { force: true })).rejects.toThrow(/not a Newsroom one/);
  await expect(restoreDatabase(url, path.join(dir, "missing.db"), { force: true })).rejects.toThrow(/No backup file/);
  expect(readdirSync(path.dirname(dbFile)).sort()).toEqual(files);
  expect(await snapshot(db)).toEqual(before);
});

test("npm run db:backup prints the file and its size; db:restore needs a file; PostgreSQL points to pg_dump", () => {
  const out = path.join(dir, "cli", "backup.db");
  const backup = cli("db-backup.ts", ["--out", out]);
  expect(backup.stderr).toBe("");
  expect(backup.status).toBe(0);
  expect(backup.stdout).toMatch(new RegExp(`^Backup written: ${out} \\(\\d+\\.\\d KB\\)`));

  const again = cli("db-backup.ts", ["--out", out]);
  expect(again.status).toBe(1);
  expect(again.stderr.trim()).toBe(`${out} already exists; choose another --out.`);

  const usage = cli("db-restore.ts", []);
  expect(usage.status).toBe(2);
  expect(usage.stderr).toContain("usage: npm run db:restore -- FILE [--force]");

  const pgBackup = cli("db-backup.ts", [], "postgresql://nobody@127.0.0.1:1/none");
  expect(pgBackup.status).toBe(2);
  expect(pgBackup.stderr.trim()).toMatch(/^On PostgreSQL use pg_dump: pg_dump --format=custom .*"\$DATABASE_URL"$/);
});
