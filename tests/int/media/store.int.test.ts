import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { buffer } from "node:stream/consumers";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { DatabaseStore } from "../../../src/server/media/store/database";
import { DiskStore } from "../../../src/server/media/store/disk";
import { S3Store } from "../../../src/server/media/store/s3";
import { StorageError, type MediaStore } from "../../../src/server/media/store/types";
import { sha256Hex } from "../../../src/server/media/store/verify";
import { resetDb, testDb } from "../../support/db";
import { findObjectFile, startS3, type TestS3 } from "../../support/s3";

// One contract, every backend: the database (SQLite here, PostgreSQL under test:pg), S3 through a
// real S3-protocol server (s3rver), and the old disk layout. Bytes round-trip whole, a mismatch or
// a failing stream stores nothing, and a corrupted object is refused on read.

const db = testDb();
let s3: TestS3;
const diskRoot = mkdtempSync(path.join(tmpdir(), "newsroom-store-disk-"));

beforeAll(async () => {
  s3 = await startS3();
});
afterAll(async () => {
  await s3?.stop();
  rmSync(diskRoot, { recursive: true, force: true });
});

const bytes = (n: number) => randomBytes(n);
const info = (data: Buffer, contentType = "image/png") => ({ size: data.length, sha256: sha256Hex(data), contentType });
const key = () => `${randomBytes(1).toString("hex")}/${randomBytes(12).toString("hex")}/original.png`;
const read = async (store: MediaStore, k: string) => {
  const got = await store.get(k);
  return got && buffer(got.body);
};
/** A stream that sends `good` bytes in small pieces, then fails. */
const failingStream = (good: Buffer) =>
  Readable.from(
    (async function* () {
      yield good.subarray(0, 1000);
      await new Promise((r) => setTimeout(r, 5));
      throw new Error("the client went away");
    })(),
  );

const BACKENDS: [string, () => MediaStore, ((store: MediaStore, key: string) => Promise<void>) | null][] = [
  [
    "database",
    () => new DatabaseStore(db),
    async (_store, k) => {
      const file = await db.storedFile.findUniqueOrThrow({ where: { key: k } });
      await db.storedFileChunk.update({
        where: { fileId_seq: { fileId: file.id, seq: 0 } },
        data: { data: new Uint8Array(bytes(10)) },
      });
    },
  ],
  [
    "s3",
    () => new S3Store(s3.settings),
    async (_store, k) => {
      const file = findObjectFile(s3.directory, k);
      const data = Buffer.from(statSync(file).size ? bytes(statSync(file).size) : bytes(1));
      writeFileSync(file, data); // same size, other bytes: only the checksum can tell
    },
  ],
  ["disk (the old MEDIA_DIR layout)", () => new DiskStore(diskRoot), null],
];

describe.each(BACKENDS)("%s store", (_name, make, corrupt) => {
  let store: MediaStore;
  beforeAll(() => {
    store = make();
  });
  beforeEach(async () => {
    await resetDb();
  });

  test("put a buffer → head, exists, get, list give it back whole", async () => {
    const k = key();
    const data = bytes(5000);
    expect(await store.put(k, data, info(data))).toEqual({ key: k, ...info(data) });
    expect(await store.head(k)).toEqual({ key: k, ...info(data) });
    expect(await store.exists(k)).toBe(true);
    expect((await read(store, k))!.equals(data)).toBe(true);
    const listed = [];
    for await (const o of store.list(k.split("/")[0] + "/")) listed.push(o);
    expect(listed).toContainEqual({ key: k, size: 5000 });
  });

  test("a stream of several chunks (700 KB in 64 KB pieces) round-trips", async () => {
    const k = key();
    const data = bytes(700 * 1024);
    const pieces = Array.from({ length: Math.ceil(data.length / 65536) }, (_, i) =>
      data.subarray(i * 65536, (i + 1) * 65536),
    );
    await store.put(k, Readable.from(pieces), info(data));
    expect((await read(store, k))!.equals(data)).toBe(true);
  });

  test("bytes that do not match the expected SHA-256 are refused and nothing is stored", async () => {
    const k = key();
    const data = bytes(3000);
    const wrong = { ...info(data), sha256: sha256Hex(bytes(10)) };
    await expect(store.put(k, Readable.from([data]), wrong)).rejects.toMatchObject({ reason: "corrupt" });
    expect(await store.exists(k)).toBe(false);
    if (store.kind === "database") expect(await db.storedFile.count()).toBe(0);
  });

  test("a stream that fails half-way stores nothing", async () => {
    const k = key();
    const data = bytes(300 * 1024);
    await expect(store.put(k, failingStream(data), info(data))).rejects.toBeInstanceOf(Error);
    expect(await store.exists(k)).toBe(false);
    if (store.kind === "database") expect(await db.storedFileChunk.count()).toBe(0);
  });

  test("delete removes the file; deleting again or reading a missing key is not an error", async () => {
    const k = key();
    const data = bytes(100);
    await store.put(k, data, info(data));
    await store.delete(k);
    expect([await store.exists(k), await store.head(k), await store.get(k)]).toEqual([false, null, null]);
    await expect(store.delete(k)).resolves.toBeUndefined();
  });

  test("list walks every key under a prefix, in key order", async () => {
    const base = randomBytes(4).toString("hex");
    const keys = ["b/original.jpg", "a/w480.webp", "a/original.png"].map((k) => `${base}/${k}`);
    for (const k of keys) {
      const data = bytes(10);
      await store.put(k, data, info(data));
    }
    const listed = [];
    for await (const o of store.list(`${base}/`)) listed.push(o.key);
    expect(listed).toEqual([...keys].sort());
  });

  test("keys that could escape a folder or a bucket prefix are refused", async () => {
    for (const bad of ["../etc/passwd", "a/../../b", "/abs", "A/upper", ".hidden/x", "a//b", ""]) {
      await expect(store.put(bad, bytes(1), info(bytes(1)))).rejects.toThrow(/invalid storage key/);
    }
  });

  test.runIf(corrupt !== null)("a corrupted object fails its checksum on read", async () => {
    const k = key();
    const data = bytes(4000);
    await store.put(k, data, info(data));
    await corrupt!(store, k);
    const got = await store.get(k);
    await expect(buffer(got!.body)).rejects.toMatchObject({ reason: "corrupt", name: "StorageError" });
  });
});

describe("S3 failures are reported, not hidden", () => {
  test("a server that is down: unavailable", async () => {
    const store = new S3Store({ ...s3.settings, endpoint: "http://127.0.0.1:9" });
    const data = bytes(10);
    const error = await store.put(key(), data, info(data)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect(error).toMatchObject({ reason: "unavailable" });
    await expect(store.get(key())).rejects.toMatchObject({ reason: "unavailable" });
  });

  test("wrong credentials: denied", async () => {
    // s3rver checks the access key id (it does not compute SigV4 signatures): an unknown id.
    const store = new S3Store({ ...s3.settings, accessKeyId: "NOT-A-KEY" });
    const data = bytes(10);
    await expect(store.put(key(), data, info(data))).rejects.toMatchObject({ reason: "denied" });
  });

  test("a bucket that does not exist: unavailable, and the message names it", async () => {
    const store = new S3Store({ ...s3.settings, bucket: "no-such-bucket" });
    const data = bytes(10);
    await expect(store.put(key(), data, info(data))).rejects.toThrow(/NoSuchBucket/);
  });
});
