import "server-only";
import { randomBytes } from "node:crypto";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Db } from "../../db/client";
import { storageError } from "./errors";
import { StorageError, assertKey, type ListedObject, type MediaStore, type ObjectInfo } from "./types";
import { asStream, measuring, rechunk, verifiedStream } from "./verify";

// Files in the database (MEDIA_STORAGE=database): a StoredFile row per file and its bytes in
// 256 KiB StoredFileChunk rows (SQLite BLOB, PostgreSQL bytea), written and read a few chunks at a
// time so no file is ever held whole in memory. The row gets its key only once every chunk is
// written and checked: a file is visible whole or not at all. See docs/OPERATIONS.md "Media".

export const CHUNK_BYTES = 256 * 1024;
const CHUNKS_PER_QUERY = 4;
const PENDING_TTL_MS = 60 * 60 * 1000;

export class DatabaseStore implements MediaStore {
  readonly kind = "database";
  readonly location = "database";
  private lastSweep = 0;

  private readonly client: () => Db;

  /** `db` or a function returning the app's current client (it is recreated after a shutdown). */
  constructor(db: Db | (() => Db)) {
    this.client = typeof db === "function" ? db : () => db;
  }

  private get db(): Db {
    return this.client();
  }

  async put(key: string, data: Buffer | Readable, info: Omit<ObjectInfo, "key">): Promise<ObjectInfo> {
    assertKey(key);
    await this.sweepPending();
    const id = randomBytes(12).toString("hex");
    try {
      await this.db.storedFile.create({ data: { id, contentType: info.contentType } });
    } catch (error) {
      throw storageError(error, `storing ${key}`, this.location);
    }
    try {
      const measured = await this.writeChunks(id, asStream(data));
      if (measured.size !== info.size || measured.sha256 !== info.sha256) {
        throw new StorageError("corrupt", `${key}: the bytes received do not match the expected size and SHA-256`);
      }
      return await this.commit(id, { key, ...info });
    } catch (error) {
      await this.db.storedFile.deleteMany({ where: { id } }).catch(() => undefined);
      throw storageError(error, `storing ${key}`, this.location);
    }
  }

  private async writeChunks(fileId: string, source: Readable) {
    const measure = measuring();
    let seq = 0;
    // One plain INSERT per chunk (no batch transaction): a driver error such as SQLite's "database
    // or disk is full" reaches us as it is, and each statement holds the write lock only briefly.
    await pipeline(source, measure, async (chunks: AsyncIterable<Buffer>) => {
      for await (const data of rechunk(chunks, CHUNK_BYTES)) {
        await this.db.storedFileChunk.create({ data: { fileId, seq: seq++, data: data as Uint8Array<ArrayBuffer> } });
      }
    });
    return measure.result();
  }

  /** Gives the pending row its key; a key already taken by the same bytes counts as stored. */
  private async commit(id: string, info: ObjectInfo): Promise<ObjectInfo> {
    try {
      await this.db.storedFile.update({
        where: { id },
        data: { key: info.key, size: info.size, sha256: info.sha256 },
      });
      return info;
    } catch (error) {
      if ((error as { code?: string }).code !== "P2002") throw error;
      const existing = await this.head(info.key);
      await this.db.storedFile.deleteMany({ where: { id } });
      if (existing?.sha256 === info.sha256) return existing;
      throw new StorageError("exists", `${info.key} already exists with other content`);
    }
  }

  async head(key: string): Promise<ObjectInfo | null> {
    assertKey(key);
    try {
      const row = await this.db.storedFile.findUnique({
        where: { key },
        select: { size: true, sha256: true, contentType: true },
      });
      return row && { key, ...row };
    } catch (error) {
      throw storageError(error, `reading ${key}`, this.location);
    }
  }

  async exists(key: string): Promise<boolean> {
    return (await this.head(key)) !== null;
  }

  async get(key: string) {
    assertKey(key);
    let row;
    try {
      row = await this.db.storedFile.findUnique({ where: { key } });
    } catch (error) {
      throw storageError(error, `reading ${key}`, this.location);
    }
    if (!row) return null;
    const info = { key, size: row.size, sha256: row.sha256, contentType: row.contentType };
    return { ...info, body: verifiedStream(Readable.from(this.readChunks(row.id, key)), info) };
  }

  private async *readChunks(fileId: string, key: string): AsyncGenerator<Buffer> {
    let next = 0;
    for (;;) {
      let rows;
      try {
        rows = await this.db.storedFileChunk.findMany({
          where: { fileId, seq: { gte: next } },
          orderBy: { seq: "asc" },
          take: CHUNKS_PER_QUERY,
          select: { seq: true, data: true },
        });
      } catch (error) {
        throw storageError(error, `reading ${key}`, this.location);
      }
      for (const row of rows) yield Buffer.from(row.data.buffer, row.data.byteOffset, row.data.byteLength);
      if (rows.length < CHUNKS_PER_QUERY) return;
      next = rows[rows.length - 1]!.seq + 1;
    }
  }

  async delete(key: string): Promise<void> {
    assertKey(key);
    try {
      await this.db.storedFile.deleteMany({ where: { key } });
    } catch (error) {
      throw storageError(error, `deleting ${key}`, this.location);
    }
  }

  async *list(prefix = ""): AsyncGenerator<ListedObject> {
    let after = "";
    for (;;) {
      const rows = await this.db.storedFile.findMany({
        where: { key: { startsWith: prefix, gt: after } },
        orderBy: { key: "asc" },
        take: 500,
        select: { key: true, size: true },
      });
      for (const row of rows) yield { key: row.key!, size: row.size };
      if (rows.length < 500) return;
      after = rows[rows.length - 1]!.key!;
    }
  }

  /** Unfinished files (a crash or a dropped upload mid-write) are removed after an hour. */
  private async sweepPending(now = Date.now()): Promise<void> {
    if (now - this.lastSweep < 10 * 60 * 1000) return;
    this.lastSweep = now;
    await this.db.storedFile
      .deleteMany({ where: { key: null, createdAt: { lt: new Date(now - PENDING_TTL_MS) } } })
      .catch(() => undefined);
  }

  async close(): Promise<void> {
    // The database client belongs to the app; nothing of our own to close.
  }
}
