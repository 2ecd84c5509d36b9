import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, readdir, rename, rm, rmdir, stat } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { storageError } from "./errors";
import {
  StorageError,
  assertKey,
  contentTypeOf,
  isStorageKey,
  type ListedObject,
  type MediaStore,
  type ObjectInfo,
} from "./types";
import { asStream, measuring, verifiedStream } from "./verify";

// Files on a local disk, one file per key under `root` (keys are paths: "ab/<id>/original.png").
// This is the layout of MEDIA_DIR before media moved into the database or S3: it is read by
// `npm run media:migrate` and by the upgrade on first start. Nothing records a checksum here, so
// head() reads the whole file to compute it.

export class DiskStore implements MediaStore {
  readonly kind = "disk";

  constructor(private readonly root: string) {}

  get location(): string {
    return this.root;
  }

  private file(key: string): string {
    assertKey(key);
    return path.join(this.root, ...key.split("/"));
  }

  async put(key: string, data: Buffer | Readable, info: Omit<ObjectInfo, "key">): Promise<ObjectInfo> {
    const target = this.file(key);
    const temp = path.join(this.root, ".incoming", randomBytes(8).toString("hex"));
    try {
      await mkdir(path.dirname(temp), { recursive: true });
      const measure = measuring();
      await pipeline(asStream(data), measure, createWriteStream(temp, { flags: "wx" }));
      const got = measure.result();
      if (got.size !== info.size || got.sha256 !== info.sha256) {
        throw new StorageError("corrupt", `${key}: the bytes received do not match the expected size and SHA-256`);
      }
      await mkdir(path.dirname(target), { recursive: true });
      await rename(temp, target);
      return { key, ...info };
    } catch (error) {
      await rm(temp, { force: true });
      throw storageError(error, `storing ${key}`, this.location);
    }
  }

  async head(key: string): Promise<ObjectInfo | null> {
    const file = this.file(key);
    try {
      const { size } = await stat(file);
      const hash = createHash("sha256");
      for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
      return { key, size, sha256: hash.digest("hex"), contentType: contentTypeOf(key) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw storageError(error, `reading ${key}`, this.location);
    }
  }

  async exists(key: string): Promise<boolean> {
    try {
      return (await stat(this.file(key))).isFile();
    } catch {
      return false;
    }
  }

  async get(key: string) {
    const info = await this.head(key);
    if (!info) return null;
    return { ...info, body: verifiedStream(createReadStream(this.file(key)), info) };
  }

  async delete(key: string): Promise<void> {
    const file = this.file(key);
    try {
      await rm(file, { force: true });
      // Remove folders left empty, up to the root.
      for (let dir = path.dirname(file); dir.startsWith(this.root + path.sep); dir = path.dirname(dir)) {
        const left = await readdir(dir).catch(() => null);
        if (left === null || left.length > 0) break;
        await rmdir(dir).catch(() => undefined);
      }
    } catch (error) {
      throw storageError(error, `deleting ${key}`, this.location);
    }
  }

  async *list(prefix = ""): AsyncGenerator<ListedObject> {
    yield* this.walk("", prefix);
  }

  private async *walk(rel: string, prefix: string): AsyncGenerator<ListedObject> {
    let entries;
    try {
      entries = await readdir(path.join(this.root, rel), { withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
      throw storageError(error, "listing files", this.location);
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const key = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory() && !entry.name.startsWith(".") && (prefix.startsWith(key) || key.startsWith(prefix))) {
        yield* this.walk(key, prefix);
      } else if (entry.isFile() && key.startsWith(prefix) && isStorageKey(key)) {
        yield { key, size: (await stat(path.join(this.root, key))).size };
      }
    }
  }

  async close(): Promise<void> {}
}
