import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buffer } from "node:stream/consumers";
import Database from "better-sqlite3";
import sharp from "sharp";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createDb, type Db } from "../../../src/server/db/client";
import { migrate } from "../../../src/server/db/migrate";
import { deleteMedia, uploadMedia } from "../../../src/server/media/service";
import { DatabaseStore } from "../../../src/server/media/store/database";
import { backupDatabase, restoreDatabase } from "../../../src/server/ops/backup";
import { seedDemo } from "../../../src/server/seed/demo";

// Backup and restore of the embedded database, on real files in a temporary directory (these
// tests never touch the suite's database, so they run the same under TEST_DATABASE_URL).

const dir = mkdtempSync(path.join(tmpdir(), "newsroom-backup-"));
const dbFile = path.join(dir, "data", "newsroom.db");
const url = `file:${dbFile}`;
let db: Db;

const cli = (script: string, args: string[], databaseUrl = url, env: Record<string, string> = {}) =>
  spawnSync("npx", ["--no-install", "tsx", "--conditions=react-server", `scripts/${script}`, ...args], {
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: databaseUrl, ...env },
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
  const gone = (await db.release.findFirstOrThrow()).id;
  // The search index keeps its documents until they are removed (RESTRICT): take them first.
  await db.$executeRawUnsafe(`DELETE FROM "SearchDocument" WHERE "releaseId" = ?`, gone);
  await db.release.delete({ where: { id: gone } });
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

test(
  "npm run db:backup prints the file and its size; db:restore needs a file; PostgreSQL points to pg_dump",
  { timeout: 90_000 },
  () => {
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
    expect(pgBackup.stderr.trim()).toMatch(/^On PostgreSQL use pg_dump: pg_dump --format=custom .*"\$DATABASE_URL"$/m);
    expect(pgBackup.stderr).toContain("Media files (MEDIA_STORAGE=database) are in the database, so in its backup.");
  },
);

test(
  "images are in the backup (MEDIA_STORAGE=database): deleted after it, back after the restore",
  { timeout: 90_000 },
  async () => {
    const editor = await db.user.findFirstOrThrow({ where: { role: "EDITOR" } });
    const bytes = await sharp({ create: { width: 1200, height: 900, channels: 3, background: "#158" } })
      .jpeg()
      .toBuffer();
    const uploaded = await uploadMedia(
      db,
      { id: editor.id, role: "EDITOR" },
      { bytes, altZh: "备份图", altEn: "" },
      new DatabaseStore(db),
    );
    if (!uploaded.ok) throw new Error(uploaded.code);
    const key = `${uploaded.value.id.slice(0, 2)}/${uploaded.value.id}/original.jpg`;
    const sha = (await new DatabaseStore(db).head(key))!.sha256;
    // The image's three files, and what the demo seed stored (its press kit).
    const files = await db.storedFile.count({ where: { key: { not: null } } });
    const out = path.join(dir, "with-media.db");
    const backup = cli("db-backup.ts", ["--out", out], url, { MEDIA_STORAGE: "database" });
    expect(backup.status, backup.stderr).toBe(0);
    expect(backup.stdout).toMatch(
      new RegExp(`^${files} media files \\([\\d.]+ KB\\) are stored in the database: they are in this backup\\.$`, "m"),
    );

    const removed = await deleteMedia(db, { id: editor.id, role: "EDITOR" }, uploaded.value.id, new DatabaseStore(db));
    expect(removed.ok).toBe(true);
    expect(await new DatabaseStore(db).exists(key)).toBe(false);
    await db.$disconnect();
    const restored = cli("db-restore.ts", [out, "--force"], url, { MEDIA_STORAGE: "database" });
    expect(restored.status, restored.stderr).toBe(0);
    expect(restored.stdout).toMatch(
      new RegExp(`^${files} media files \\([\\d.]+ KB\\) came back with the database\\.$`, "m"),
    );
    db = createDb(url);
    const back = await new DatabaseStore(db).get(key);
    expect(back?.sha256).toBe(sha);
    expect((await buffer(back!.body)).length).toBe(back!.size); // read whole, checksum checked
    expect(await db.media.count({ where: { id: uploaded.value.id } })).toBe(1);

    const s3Note = cli("db-backup.ts", ["--out", path.join(dir, "s3.db")], url, {
      MEDIA_STORAGE: "s3",
      MEDIA_S3_BUCKET: "agency-media",
    });
    expect(s3Note.stdout).toContain("Media files are NOT in this backup: they are in s3://agency-media/.");
  },
);
