import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buffer } from "node:stream/consumers";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { MediaCache } from "../../../src/server/media/store/cache";
import { DatabaseStore } from "../../../src/server/media/store/database";
import { S3Store } from "../../../src/server/media/store/s3";
import type { MediaStore } from "../../../src/server/media/store/types";
import { sha256Hex } from "../../../src/server/media/store/verify";
import { resetDb, testDb } from "../../support/db";
import { startS3, type TestS3 } from "../../support/s3";
import { tinyDisk } from "../../support/tiny-disk";

// The instance's local cache of served files: bounded, least recently used out first, checked by
// SHA-256 when filled and on every read, and never in the way when its disk is full.

const db = testDb();
let s3: TestS3;
let dir: string;
const problems: { msg: string; fields: Record<string, unknown> }[] = [];
const onProblem = (msg: string, fields: Record<string, unknown>) => problems.push({ msg, fields });

beforeAll(async () => {
  s3 = await startS3();
});
afterAll(async () => {
  await s3?.stop();
});
beforeEach(async () => {
  await resetDb();
  problems.length = 0;
  dir = mkdtempSync(path.join(tmpdir(), "newsroom-cache-"));
  return () => rmSync(dir, { recursive: true, force: true });
});

/** The store, counting how often the cache had to ask it. */
function counting(store: MediaStore) {
  const counter = { gets: 0 };
  const wrapped = Object.create(store) as MediaStore;
  wrapped.get = (key) => {
    counter.gets++;
    return store.get(key);
  };
  return { store: wrapped, counter };
}

async function stored(store: MediaStore, size: number) {
  const data = randomBytes(size);
  const key = `${randomBytes(1).toString("hex")}/${randomBytes(12).toString("hex")}/original.png`;
  await store.put(key, data, { size, sha256: sha256Hex(data), contentType: "image/png" });
  return { key, data };
}

const cachedFiles = (d: string) =>
  readdirSync(d, { recursive: true })
    .filter((f) => /[0-9a-f]{64}-[0-9a-f]{64}$/.test(String(f)))
    .map(String);
const read = async (cache: MediaCache, store: MediaStore, key: string) => {
  const served = await cache.open(key, store);
  return served && buffer(served.body);
};

describe("local media cache", () => {
  test("the first read fills it; later reads, even with the store down, come from disk", async () => {
    const { store, counter } = counting(new S3Store(s3.settings));
    const { key, data } = await stored(store, 20_000);
    const cache = new MediaCache(dir, 1024 * 1024, onProblem);
    expect((await read(cache, store, key))!.equals(data)).toBe(true);
    expect((await read(cache, store, key))!.equals(data)).toBe(true);
    expect(counter.gets).toBe(1);
    expect(cachedFiles(dir)).toHaveLength(1);

    const down = new S3Store({ ...s3.settings, endpoint: "http://127.0.0.1:9" });
    const restarted = new MediaCache(dir, 1024 * 1024, onProblem); // a new process finds what is on disk
    expect((await read(restarted, down, key))!.equals(data)).toBe(true);
  });

  test("parallel first reads of one file ask the store once", async () => {
    const { store, counter } = counting(new DatabaseStore(db));
    const { key, data } = await stored(store, 50_000);
    const cache = new MediaCache(dir, 1024 * 1024, onProblem);
    const all = await Promise.all(Array.from({ length: 6 }, () => read(cache, store, key)));
    expect(all.every((b) => b!.equals(data))).toBe(true);
    expect(counter.gets).toBe(1);
  });

  test("over its size, the least recently used file goes first", async () => {
    const store = new DatabaseStore(db);
    const files = [];
    for (let i = 0; i < 5; i++) files.push(await stored(store, 24_000));
    const [a, b, c, d, e] = files as [
      (typeof files)[0],
      (typeof files)[0],
      (typeof files)[0],
      (typeof files)[0],
      (typeof files)[0],
    ];
    const cache = new MediaCache(dir, 100_000, onProblem);
    for (const f of [a, b, c, d, a]) await read(cache, store, f.key); // a is now more recent than b
    expect(cache.usedBytes).toBe(96_000);
    await read(cache, store, e.key); // 120 KB > 100 KB: b, the least recently used, goes
    expect(cache.usedBytes).toBe(96_000);
    const kept = cachedFiles(dir).map((f) => f.slice(-64));
    expect(kept.sort()).toEqual([a, c, d, e].map((f) => sha256Hex(f.data)).sort());
  });

  test("a kept copy damaged on disk fails its checksum, is removed, and the next read refetches", async () => {
    const store = new DatabaseStore(db);
    const { key, data } = await stored(store, 10_000);
    const cache = new MediaCache(dir, 1024 * 1024, onProblem);
    await read(cache, store, key);
    const file = path.join(dir, cachedFiles(dir)[0]!);
    writeFileSync(file, randomBytes(10_000));
    await expect(read(cache, store, key)).rejects.toMatchObject({ reason: "corrupt" });
    expect(problems.map((p) => p.msg)).toContain("media cache: a kept copy failed its checksum; removed");
    expect((await read(cache, store, key))!.equals(data)).toBe(true);
  });

  test("an object corrupted in the store is not kept and not served whole", async () => {
    const store = new DatabaseStore(db);
    const { key } = await stored(store, 10_000);
    await db.storedFileChunk.updateMany({ data: { data: new Uint8Array(randomBytes(10_000)) } });
    const cache = new MediaCache(dir, 1024 * 1024, onProblem);
    await expect(read(cache, store, key)).rejects.toMatchObject({ reason: "corrupt" });
    expect(cachedFiles(dir)).toHaveLength(0);
  });

  test("files bigger than a quarter of the cache are served straight from the store", async () => {
    const { store, counter } = counting(new DatabaseStore(db));
    const { key, data } = await stored(store, 40_000);
    const cache = new MediaCache(dir, 100_000, onProblem);
    expect((await read(cache, store, key))!.equals(data)).toBe(true);
    expect((await read(cache, store, key))!.equals(data)).toBe(true);
    expect([counter.gets, cachedFiles(dir).length]).toEqual([2, 0]);
  });

  test("a full cache disk: the file is still served from the store, and the problem is logged", async () => {
    const disk = tinyDisk(64);
    const cacheDir = disk?.dir ?? "/proc/newsroom-not-writable"; // without root: a folder no one can create
    try {
      const store = new DatabaseStore(db);
      const { key, data } = await stored(store, 100_000);
      const cache = new MediaCache(cacheDir, 10 * 1024 * 1024, onProblem);
      expect((await read(cache, store, key))!.equals(data)).toBe(true);
      expect(problems.map((p) => p.msg)).toContain("media cache: cannot keep a copy (serving from the store)");
      const err = problems[0]!.fields.err as NodeJS.ErrnoException;
      expect(err.code).toBe(disk ? "ENOSPC" : "ENOENT");
      if (disk) expect(statSync(disk.dir).isDirectory()).toBe(true);
    } finally {
      disk?.unmount();
    }
  });

  test("MEDIA_CACHE_MB=0: no cache, every read goes to the store", async () => {
    const { store, counter } = counting(new DatabaseStore(db));
    const { key } = await stored(store, 1000);
    const cache = new MediaCache(dir, 0, onProblem);
    await read(cache, store, key);
    await read(cache, store, key);
    expect([counter.gets, cachedFiles(dir).length]).toEqual([2, 0]);
  });
});
