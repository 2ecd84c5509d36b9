// One run of `npm run bench:media` against one store: raw store writes, reads through this
// instance's cache (cold: from the store; warm: from the local copy), and whole uploads (sniff,
// decode, strip, variants, store, row) of camera-sized JPEGs. Every read checks SHA-256.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Readable } from "node:stream";
import sharp from "sharp";
import type { Actor } from "../../src/domain/auth/actor";
import type { Db } from "../../src/server/db/client";
import { deleteMedia, uploadMedia } from "../../src/server/media/service";
import { MediaCache, type MediaStore } from "../../src/server/media/store";
import { sha256Hex } from "../../src/server/media/store/verify";

export interface RunFigures {
  putMBs: number;
  coldMBs: number;
  warmMBs: number;
  uploadsPerS: number;
}

const MB = 1024 * 1024;

/** 16 files of 1 MiB and 2 of 8 MiB (random: incompressible, like image data). */
export const benchFiles = () => [
  ...Array.from({ length: 16 }, () => randomBytes(MB)),
  randomBytes(8 * MB),
  randomBytes(8 * MB),
];

/** Camera-sized JPEGs (2400×1600, noisy like a photo, about 1.5 MB each). */
export const benchPhotos = (count: number) =>
  Promise.all(
    Array.from({ length: count }, (_, i) =>
      sharp({
        create: {
          width: 2400,
          height: 1600,
          channels: 3,
          background: "#777",
          noise: { type: "gaussian", mean: 110 + i, sigma: 40 },
        },
      })
        .jpeg({ quality: 85 })
        .toBuffer(),
    ),
  );

async function drain(body: Readable): Promise<number> {
  let n = 0;
  for await (const chunk of body) n += (chunk as Buffer).length;
  return n;
}

const seconds = (t0: number) => (performance.now() - t0) / 1000;

async function readAll(cache: MediaCache, store: MediaStore, keys: string[]): Promise<number> {
  let bytes = 0;
  for (const key of keys) {
    const served = await cache.open(key, store);
    if (!served) throw new Error(`${key} missing`);
    bytes += await drain(served.body);
  }
  return bytes;
}

export async function measureRun(
  store: MediaStore,
  db: Db,
  actor: Actor,
  files: Buffer[],
  photos: Buffer[],
): Promise<RunFigures> {
  const run = randomBytes(4).toString("hex");
  const keys = files.map((_, i) => `bench/${run}/${i}.bin`);
  const total = files.reduce((n, f) => n + f.length, 0) / MB;
  const dir = mkdtempSync(path.join(tmpdir(), "newsroom-bench-media-cache-"));
  try {
    let t0 = performance.now();
    for (const [i, data] of files.entries()) {
      await store.put(keys[i]!, data, {
        size: data.length,
        sha256: sha256Hex(data),
        contentType: "application/octet-stream",
      });
    }
    const putMBs = total / seconds(t0);
    t0 = performance.now();
    await readAll(new MediaCache(dir, 0), store, keys); // no cache: every read from the store
    const coldMBs = total / seconds(t0);
    const cache = new MediaCache(dir, 1024 * MB);
    await readAll(cache, store, keys); // fills the cache
    t0 = performance.now();
    await readAll(cache, store, keys);
    const warmMBs = total / seconds(t0);
    t0 = performance.now();
    const ids = [];
    for (const bytes of photos) {
      const result = await uploadMedia(db, actor, { bytes, altZh: "基准测试图片", altEn: "" }, store);
      if (!result.ok) throw new Error(result.code);
      ids.push(result.value.id);
    }
    const uploadsPerS = photos.length / seconds(t0);
    for (const id of ids) await deleteMedia(db, actor, id, store);
    for (const key of keys) await store.delete(key);
    return { putMBs, coldMBs, warmMBs, uploadsPerS };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
