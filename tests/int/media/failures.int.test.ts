import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, statfsSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import enErrors from "../../../locales/en/errors.json";
import zhErrors from "../../../locales/zh/errors.json";
import { createDb, type Db } from "../../../src/server/db/client";
import { migrate } from "../../../src/server/db/migrate";
import { SESSION_COOKIE } from "../../../src/server/auth/sessions";
import { uploadMedia } from "../../../src/server/media/service";
import { DatabaseStore } from "../../../src/server/media/store/database";
import { S3Store } from "../../../src/server/media/store/s3";
import { cookieJar } from "../../support/next-request";
import { findObjectFile, startS3, type TestS3 } from "../../support/s3";
import { tinyDisk } from "../../support/tiny-disk";
import { POST as uploadRoute } from "../../../src/app/api/media/route";
import { alts, db, fetchFile, freshPeople, png, releaseWith, tempCacheDir, upload, type People } from "./helpers";

vi.mock("next/headers", async () => (await import("../../support/next-request")).nextHeadersMock());
vi.mock("next/cache", async () => (await import("../../support/next-request")).nextCacheMock());

// Bad conditions (issue 16): the media store down, wrong credentials, a full disk, a corrupted
// object. Each gives the admin a clear, translated error code, writes a log line naming the store
// and the reason, and loses nothing that was stored before.

const ORIGIN = "http://127.0.0.1:3000";
let s3: TestS3;
let people: People;
const cacheDir = tempCacheDir();
const logged: Record<string, unknown>[] = [];

const s3Dir = mkdtempSync(path.join(tmpdir(), "newsroom-s3-failures-")); // kept across restarts of the server
beforeAll(async () => {
  s3 = await startS3("newsroom-media", s3Dir);
  Object.assign(process.env, s3.env, { MEDIA_CACHE_MB: "64" }); // the app (routes) uses this S3 server
  const write = process.stdout.write.bind(process.stdout);
  vi.spyOn(process.stdout, "write").mockImplementation((chunk, ...rest) => {
    for (const line of String(chunk).split("\n")) if (line.startsWith("{")) logged.push(JSON.parse(line));
    return write(chunk, ...(rest as []));
  });
});
afterAll(async () => {
  vi.restoreAllMocks();
  await s3?.stop();
  rmSync(cacheDir, { recursive: true, force: true });
  rmSync(s3Dir, { recursive: true, force: true });
});
beforeEach(async () => {
  people = await freshPeople();
  logged.length = 0;
});

const postUpload = async (bytes: Buffer) => {
  const form = new FormData();
  form.set("file", new Blob([new Uint8Array(bytes)]), "photo.png");
  form.set("altZh", alts.altZh);
  cookieJar.set(SESSION_COOKIE, people.editorToken);
  const response = await uploadRoute(
    new Request(`${ORIGIN}/api/media`, {
      method: "POST",
      headers: { host: "127.0.0.1:3000", origin: ORIGIN },
      body: form,
    }),
  );
  cookieJar.clear();
  return { status: response.status, body: (await response.json()) as { ok: boolean; error?: string } };
};
const logLine = (msg: string) => logged.find((l) => l.msg === msg);

test("every storage error code has its own message in both languages", () => {
  const codes = ["media_storage_unavailable", "media_storage_denied", "media_storage_full", "media_storage_corrupt"];
  for (const messages of [zhErrors, enErrors] as Record<string, string>[]) {
    const texts = codes.map((c) => messages[c]);
    expect(texts.every((t) => typeof t === "string" && t.length > 10)).toBe(true);
    expect(new Set(texts).size).toBe(codes.length);
  }
});

describe("S3 down", () => {
  let stopped = false;
  afterEach(async () => {
    if (stopped) s3 = await startS3("newsroom-media", s3.directory, Number(new URL(s3.settings.endpoint!).port));
    stopped = false;
  });

  test("upload: 503 media_storage_unavailable and a log line; what was stored and served before stays", async () => {
    const live = await upload(new S3Store(s3.settings), people.editor, await png(900, 600));
    const unseen = await upload(new S3Store(s3.settings), people.editor, await png(300, 200));
    await releaseWith(people.editor, "live", live);
    expect((await fetchFile(live.id, "original.png")).status).toBe(200); // now in this instance's cache

    await s3.stop();
    stopped = true;
    const refused = await postUpload(await png(64, 64));
    expect(refused).toEqual({ status: 503, body: { ok: false, error: "media_storage_unavailable" } });
    expect(logLine("media storage: upload not stored")).toMatchObject({
      level: "error",
      store: "s3",
      reason: "unavailable",
    });
    expect(await db.media.count()).toBe(2);

    const cached = await fetchFile(live.id, "original.png");
    expect([cached.status, Buffer.from(await cached.arrayBuffer()).length]).toEqual([200, live.bytes]);
    cookieJar.set(SESSION_COOKIE, people.editorToken);
    const missing = await fetchFile(unseen.id, "original.png");
    expect([missing.status, missing.headers.get("cache-control")]).toEqual([503, "no-store"]);
    expect(logLine("media storage: file not served")).toMatchObject({ reason: "unavailable", mediaId: unseen.id });

    s3 = await startS3("newsroom-media", s3.directory, Number(new URL(s3.settings.endpoint!).port));
    stopped = false;
    expect((await fetchFile(unseen.id, "original.png")).status).toBe(200); // nothing was lost
    expect((await postUpload(await png(64, 64))).status).toBe(201);
  });
});

test("wrong credentials: media_storage_denied, logged, nothing stored", async () => {
  const store = new S3Store({ ...s3.settings, accessKeyId: "NOT-OUR-KEY" });
  const result = await uploadMedia(db, people.editor, { bytes: await png(200, 100), ...alts }, store);
  expect(result).toEqual({ ok: false, code: "media_storage_denied" });
  expect(logLine("media storage: upload not stored")).toMatchObject({ store: "s3", reason: "denied" });
  expect(await db.media.count()).toBe(0);
});

test("a corrupted object is never served: 500, logged, not kept in the cache", async () => {
  const media = await upload(new S3Store(s3.settings), people.editor, await png(300, 200));
  await releaseWith(people.editor, "live", media);
  const file = findObjectFile(s3.directory, `${media.id}/original.png`);
  writeFileSync(file, randomBytes(readFileSync(file).length)); // same size, other bytes
  const response = await fetchFile(media.id, "original.png");
  expect([response.status, response.headers.get("cache-control")]).toEqual([500, "no-store"]);
  expect(logLine("media storage: file not served")).toMatchObject({ reason: "corrupt", mediaId: media.id });
  expect((await fetchFile(media.id, "original.png")).status).toBe(500); // still refused: nothing bad was kept
});

describe("a full disk", () => {
  test(
    "database store on a full disk: media_storage_full; earlier images stay readable",
    { timeout: 60_000 },
    async () => {
      // Room for the migrated database; once the first image is in, a filler leaves ~256 KB free.
      const disk = tinyDisk(8192);
      const file = path.join(disk?.dir ?? tempCacheDir(), "newsroom.db");
      const url = `file:${file}`;
      await migrate(url);
      const small: Db = createDb(url);
      try {
        // Without root (no tmpfs), SQLite's own size limit gives the same "database or disk is full".
        if (!disk) await small.$executeRawUnsafe("PRAGMA max_page_count = 300");
        const user = await small.user.create({
          data: { email: "e@full.test", displayName: "E", role: "EDITOR", passwordHash: "x" },
        });
        const editor = { id: user.id, role: "EDITOR" as const };
        const store = new DatabaseStore(small);
        const first = await uploadMedia(small, editor, { bytes: await png(40, 40), ...alts }, store);
        expect(first.ok).toBe(true);
        if (disk) {
          const { bavail, bsize } = statfsSync(disk.dir);
          writeFileSync(path.join(disk.dir, "filler"), Buffer.alloc(Math.max(0, bavail * bsize - 256 * 1024)));
        }
        // Random pixels do not compress: a PNG of about 2.9 MB, bigger than what is left on the disk.
        const noise = await sharp(randomBytes(1200 * 800 * 3), { raw: { width: 1200, height: 800, channels: 3 } })
          .png()
          .toBuffer();
        const full = await uploadMedia(small, editor, { bytes: noise, ...alts }, store);
        expect(full).toEqual({ ok: false, code: "media_storage_full" });
        expect(logLine("media storage: upload not stored")).toMatchObject({ store: "database", reason: "full" });
        expect(await small.media.count()).toBe(1);
        const kept = await store.get(`${(await small.media.findFirstOrThrow()).storageKey}/original.png`);
        expect(kept).not.toBeNull();
        const chunks: Buffer[] = [];
        for await (const c of kept!.body) chunks.push(c as Buffer);
        expect(Buffer.concat(chunks).length).toBe(kept!.size);
      } finally {
        await small.$disconnect();
        disk?.unmount();
      }
    },
  );
});
