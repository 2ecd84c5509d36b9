import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import { DatabaseStore } from "../../../src/server/media/store/database";
import { S3Store } from "../../../src/server/media/store/s3";
import { readTarIndex } from "../../../src/server/ops/tar";
import { runScript } from "../../support/cli";
import { resetDb } from "../../support/db";
import { startS3, type TestS3 } from "../../support/s3";
import {
  db,
  fetchFile,
  freshPeople,
  jpeg,
  png,
  releaseWith,
  storedKeys,
  tempCacheDir,
  upload,
  type People,
} from "../media/helpers";

vi.mock("next/headers", async () => (await import("../../support/next-request")).nextHeadersMock());
vi.mock("next/cache", async () => (await import("../../support/next-request")).nextCacheMock());

// Exports carry media (docs/OPERATIONS.md): a .tar holds newsroom.json and every media file, and
// `npm run import` puts them back, checked, before any row; a .json or an S3 export says plainly
// that the files are not in it. Real images, real commands, on the suite's database.

const dir = mkdtempSync(path.join(tmpdir(), "newsroom-export-media-"));
const cacheDir = tempCacheDir();
process.env.MEDIA_STORAGE = "database";
let s3: TestS3;
let people: People;
const store = new DatabaseStore(db);

beforeAll(async () => {
  s3 = await startS3();
});
afterAll(async () => {
  await s3?.stop();
  rmSync(dir, { recursive: true, force: true });
  rmSync(cacheDir, { recursive: true, force: true });
});
beforeEach(async () => {
  people = await freshPeople();
});

/** Two real images, one shown by a live release, and what the store holds for them. */
async function siteWithImages() {
  const live = await upload(store, people.editor, await png(1200, 800));
  const spare = await upload(store, people.translator, await jpeg(640, 480));
  await releaseWith(people.editor, "live", live);
  return { live, spare, files: await checksums(store) };
}

/** Every key of the store with its SHA-256. */
async function checksums(s: DatabaseStore): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for await (const { key } of s.list()) found.set(key, (await s.head(key))!.sha256);
  return found;
}

describe("npm run export / import with media", { timeout: 120_000 }, () => {
  test(".tar round trip: every file comes back with its checksum; the live image is public again", async () => {
    const { live, spare, files } = await siteWithImages();
    const file = path.join(dir, "site.tar");
    const exported = await runScript("export.ts", ["--out", file]);
    expect(exported.status, exported.stderr).toBe(0);
    expect(exported.stdout).toMatch(/2 images \(5 files, [\d.]+ KB\) to .*site\.tar/);
    const listing = spawnSync("tar", ["-tf", file], { encoding: "utf8" }); // any tar tool reads it
    expect(listing.stdout.split("\n").filter(Boolean)).toEqual([
      "newsroom.json",
      ...[...files.keys()].map((k) => `media/${k}`),
    ]);

    await resetDb(); // an empty database, so an empty store
    expect(await storedKeys(store)).toEqual([]);
    const imported = await runScript("import.ts", [file]);
    expect(imported.status, imported.stderr + imported.stdout).toBe(0);
    expect(imported.stdout).toMatch(/2 images \(5 files stored in database\)/);
    expect(await checksums(store)).toEqual(files);
    const served = await fetchFile(live.id, "original.png");
    expect(served.status).toBe(200);
    expect(Buffer.from(await served.arrayBuffer()).length).toBe(live.bytes);
    expect((await fetchFile(spare.id, "original.jpg")).status).toBe(404); // unused: private, as before
    expect(await db.media.count()).toBe(2);
  });

  test("a damaged media entry: import refused, nothing imported, nothing stored", async () => {
    await siteWithImages();
    const file = path.join(dir, "damaged.tar");
    expect((await runScript("export.ts", ["--out", file])).status).toBe(0);
    const last = (await readTarIndex(file)).at(-1)!; // the last media file
    const bytes = readFileSync(file);
    const at = last.offset + Math.floor(last.size / 2);
    bytes.writeUInt8(bytes.readUInt8(at) ^ 0xff, at);
    writeFileSync(file, bytes);
    await resetDb();
    const imported = await runScript("import.ts", [file]);
    expect(imported.status).toBe(1);
    expect(imported.stderr).toMatch(/^The export is damaged: .*SHA-256\. Nothing was imported\./m);
    expect([await db.user.count(), await db.media.count(), (await storedKeys(store)).length]).toEqual([0, 0, 0]);
  });

  test(".json: says the files are not in it; importing it without them is refused unless asked", async () => {
    await siteWithImages();
    const file = path.join(dir, "site.json");
    const exported = await runScript("export.ts", ["--out", file]);
    expect(exported.stdout).toContain(
      "The media files are not in a .json export: export to a .tar file to include them.",
    );
    await resetDb();
    const refused = await runScript("import.ts", [file]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/^5 media files are neither in this export nor in database/);
    expect(await db.user.count()).toBe(0);
    const forced = await runScript("import.ts", [file, "--allow-missing-media"]);
    expect(forced.status, forced.stderr).toBe(0);
    expect(forced.stdout).toContain("5 media files were missing: those images are broken.");
  });

  test("S3: the export says the files stay in the bucket; an import on the same bucket finds them there", async () => {
    const bucket = new S3Store(s3.settings);
    const image = await upload(bucket, people.editor, await png(800, 600));
    const env = { ...s3.env };
    const file = path.join(dir, "s3.tar");
    const exported = await runScript("export.ts", ["--out", file], env);
    expect(exported.status, exported.stderr).toBe(0);
    expect(exported.stdout).toMatch(/1 images \(2 files, [\d.]+ KB, not included\)/);
    expect(exported.stdout).toContain(`The media files stay in ${bucket.location}: copy or back up the bucket`);
    await resetDb(); // the bucket keeps its files
    const imported = await runScript("import.ts", [file], env);
    expect(imported.status, imported.stderr).toBe(0);
    expect(imported.stdout).toContain("0 files stored in s3://newsroom-media/");
    expect(imported.stdout).toContain("2 already there");
    expect(await db.media.findUnique({ where: { id: image.id } })).not.toBeNull();
  });
});
