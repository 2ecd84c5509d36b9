import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import { parseEnv } from "../../../src/server/env";
import { moveMedia } from "../../../src/server/media/move";
import { DatabaseStore } from "../../../src/server/media/store/database";
import { DiskStore } from "../../../src/server/media/store/disk";
import { S3Store } from "../../../src/server/media/store/s3";
import { sha256Hex } from "../../../src/server/media/store/verify";
import { pendingTasks, runMediaTasks } from "../../../src/server/media/upgrade";
import { runScript } from "../../support/cli";
import { startS3, type TestS3 } from "../../support/s3";
import { db, fetchFile, freshPeople, imageDoc, png, storedKeys, tempCacheDir, type People } from "./helpers";

vi.mock("next/headers", async () => (await import("../../support/next-request")).nextHeadersMock());
vi.mock("next/cache", async () => (await import("../../support/next-request")).nextCacheMock());

// Moving media between stores (npm run media:migrate) and the upgrade from the old MEDIA_DIR on
// first start: every file arrives checked, a run can be resumed, nothing leaves the source before
// its copy was read back, and damaged files are reported and left alone.

let s3: TestS3;
let people: People;
let mediaDir: string;
process.env.MEDIA_STORAGE = "database";
const cacheDir = tempCacheDir();

beforeAll(async () => {
  s3 = await startS3();
});
afterAll(async () => {
  await s3?.stop();
  rmSync(cacheDir, { recursive: true, force: true });
});
beforeEach(async () => {
  people = await freshPeople();
  mediaDir = mkdtempSync(path.join(tmpdir(), "newsroom-legacy-media-"));
  return () => rmSync(mediaDir, { recursive: true, force: true });
});

/** An image the way the previous version stored it: a Media row and files under MEDIA_DIR. */
async function legacyImage() {
  const id = randomBytes(12).toString("hex");
  const storageKey = `${id.slice(0, 2)}/${id}`;
  const original = await png(700, 400);
  const variant = randomBytes(2000); // stands for w480.webp: the move copies bytes, whatever they are
  mkdirSync(path.join(mediaDir, storageKey), { recursive: true });
  writeFileSync(path.join(mediaDir, storageKey, "original.png"), original);
  writeFileSync(path.join(mediaDir, storageKey, "w480.webp"), variant);
  await db.media.create({
    data: {
      id,
      storageKey,
      mime: "image/png",
      bytes: original.length,
      width: 700,
      height: 400,
      sha256: sha256Hex(original),
      altZh: "旧图",
      uploaderId: people.editor.id,
    },
  });
  return { id, storageKey, original, keys: [`${storageKey}/original.png`, `${storageKey}/w480.webp`] };
}

const cli = (args: string[], env: Record<string, string> = {}) =>
  runScript("media-migrate.ts", args, { MEDIA_DIR: mediaDir, ...env });

describe("moveMedia", () => {
  test("database → S3 → database: every file arrives checked and leaves the source", async () => {
    const database = new DatabaseStore(db);
    const bucket = new S3Store(s3.settings);
    const data = [randomBytes(300_000), randomBytes(10)];
    const keys = ["aa/one/original.png", "bb/two/w480.webp"];
    for (const [i, k] of keys.entries()) {
      await database.put(k, data[i]!, { size: data[i]!.length, sha256: sha256Hex(data[i]!), contentType: "image/png" });
    }
    const progress: number[] = [];
    const there = await moveMedia(database, bucket, { onProgress: (done) => progress.push(done) });
    expect(there).toMatchObject({ total: 2, copied: 2, already: 0, removedFromSource: 2, failed: [] });
    expect(progress).toEqual([0, 1, 2]);
    expect(await storedKeys(database)).toEqual([]);
    expect(await storedKeys(bucket)).toEqual(keys);
    const back = await moveMedia(bucket, database);
    expect(back).toMatchObject({ copied: 2, removedFromSource: 2 });
    expect((await database.head(keys[0]!))!.sha256).toBe(sha256Hex(data[0]!));
  });

  test("resumable: files already copied are checked, not copied again; a conflicting copy is reported and kept", async () => {
    const disk = new DiskStore(mediaDir);
    const database = new DatabaseStore(db);
    const files = [randomBytes(1000), randomBytes(1000), randomBytes(1000)];
    const keys = ["aa/x/original.png", "aa/y/original.png", "aa/z/original.png"];
    for (const [i, k] of keys.entries()) {
      const info = { size: 1000, sha256: sha256Hex(files[i]!), contentType: "image/png" };
      await disk.put(k, files[i]!, info);
      if (i === 0) await database.put(k, files[i]!, info); // copied by an earlier, interrupted run
    }
    const other = randomBytes(1000);
    await database.put(keys[1]!, other, { size: 1000, sha256: sha256Hex(other), contentType: "image/png" });
    const report = await moveMedia(disk, database);
    expect(report).toMatchObject({ total: 3, copied: 1, already: 1, removedFromSource: 2 });
    expect(report.failed).toEqual([{ key: keys[1], reason: expect.stringContaining("other content") }]);
    expect(await storedKeys(disk)).toEqual([keys[1]]); // left where it was
  });

  test("a damaged source file is reported and stays; the others move", async () => {
    const database = new DatabaseStore(db);
    const bucket = new S3Store(s3.settings);
    const good = randomBytes(500);
    const bad = randomBytes(500);
    await database.put("cc/good/original.png", good, { size: 500, sha256: sha256Hex(good), contentType: "image/png" });
    await database.put("cc/bad/original.png", bad, { size: 500, sha256: sha256Hex(bad), contentType: "image/png" });
    const row = await db.storedFile.findUniqueOrThrow({ where: { key: "cc/bad/original.png" } });
    await db.storedFileChunk.updateMany({
      where: { fileId: row.id },
      data: { data: new Uint8Array(randomBytes(500)) },
    });
    const report = await moveMedia(database, bucket);
    expect(report).toMatchObject({ copied: 1, removedFromSource: 1 });
    expect(report.failed.map((f) => f.key)).toEqual(["cc/bad/original.png"]);
    expect(await storedKeys(database)).toEqual(["cc/bad/original.png"]);
    expect(await bucket.exists("cc/bad/original.png")).toBe(false);
  });
});

describe("npm run media:migrate", () => {
  test(
    "--to database moves the old MEDIA_DIR into the database; the image is served from there",
    { timeout: 60_000 },
    async () => {
      const image = await legacyImage();
      const run = await cli(["--to", "database"]);
      expect(run.status, run.stderr + run.stdout).toBe(0);
      expect(run.stdout).toContain(`Moving media files from ${mediaDir} to database`);
      expect(run.stdout).toMatch(/2 files: 2 copied, 0 already there \(checked\), 2 removed from the source/);
      expect(run.stderr).toMatch(/media .*100% 2\/2/); // the progress bar
      expect(readdirSync(mediaDir).filter((f) => !f.startsWith("."))).toEqual([]);
      expect(await storedKeys(new DatabaseStore(db))).toEqual(image.keys);
      const { cookieJar } = await import("../../support/next-request");
      const { SESSION_COOKIE } = await import("../../../src/server/auth/sessions");
      cookieJar.set(SESSION_COOKIE, people.editorToken);
      const served = await fetchFile(image.id, "original.png");
      expect(Buffer.from(await served.arrayBuffer()).equals(image.original)).toBe(true);
    },
  );

  test(
    "--to s3 --keep-source copies and keeps; wrong arguments are one line and exit 2",
    { timeout: 90_000 },
    async () => {
      const image = await legacyImage();
      const run = await cli(["--to", "s3", "--from", "disk", "--keep-source"], {
        ...s3.env,
        MEDIA_STORAGE: "database",
      });
      expect(run.status, run.stderr + run.stdout).toBe(0);
      expect(run.stdout).toContain("Now set MEDIA_STORAGE=s3 and restart the app.");
      expect(await storedKeys(new S3Store(s3.settings))).toEqual(expect.arrayContaining(image.keys));
      expect(existsSync(path.join(mediaDir, image.keys[0]!))).toBe(true);
      const refusals = await Promise.all(
        [["--to", "ftp"], ["--to", "database", "--from", "database"], []].map(
          async (bad) => [bad, await cli(bad)] as const,
        ),
      );
      for (const [bad, refused] of refusals) {
        expect(refused.status, bad.join(" ")).toBe(2);
        expect(refused.stderr).toContain("usage: npm run media:migrate");
      }
    },
  );
});

describe("first start after the upgrade", () => {
  test("records the uses of existing bodies and copies MEDIA_DIR into the store, once", async () => {
    const image = await legacyImage();
    // A release published by the previous version: bodies show the image, no use rows yet.
    const body = imageDoc("旧稿", { id: image.id, mime: "image/png", width: 700, height: 400 });
    const release = await db.release.create({
      data: { authorId: people.editor.id, status: "PUBLISHED" },
    });
    await db.publication.create({
      data: {
        releaseId: release.id,
        locale: "zh",
        title: "旧稿",
        summary: "",
        body,
        bodyText: "",
        slug: "old",
        publishedAt: new Date(Date.now() - 1000),
      },
    });
    await db.$executeRawUnsafe(`DELETE FROM "_newsroom_tasks"`);
    await db.$executeRawUnsafe(
      `INSERT INTO "_newsroom_tasks" ("name") VALUES ('media-uses'), ('media-files-from-disk')`,
    );
    expect((await fetchFile(image.id, "original.png")).status).toBe(404); // before: no use recorded, no file

    const lines: string[] = [];
    const env = parseEnv({ ...process.env, MEDIA_DIR: mediaDir });
    const store = new DatabaseStore(db);
    await runMediaTasks(db, env, store, { info: (l) => lines.push(l) });
    expect(lines).toEqual([
      "Recorded 1 media uses of existing releases.",
      `Copied 2 media files from ${mediaDir} into the media store (database).`,
      `${mediaDir} is no longer used: keep it until you have checked the site, then delete it.`,
    ]);
    expect(await pendingTasks(db)).toEqual([]);
    expect(existsSync(path.join(mediaDir, image.keys[0]!))).toBe(true);
    const served = await fetchFile(image.id, "original.png");
    expect(served.status).toBe(200);
    expect(Buffer.from(await served.arrayBuffer()).equals(image.original)).toBe(true);

    lines.length = 0;
    await runMediaTasks(db, env, store, { info: (l) => lines.push(l) });
    expect(lines).toEqual([]);
  });
});
