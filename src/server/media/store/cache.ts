import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, open, readdir, rename, rm, stat, utimes } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { MediaStore } from "./types";
import { verifiedStream } from "./verify";

// Each instance's bounded local copy of the files it serves (MEDIA_CACHE_DIR, MEDIA_CACHE_MB):
// a file is fetched from the store once, checked against its SHA-256 before it is kept, and
// checked again every time it is read from disk; the least recently used files go first when the
// cache is over its size. Keys are write-once, so a kept copy never goes stale. One directory per
// instance; losing it costs only refetching.

export interface Served {
  body: Readable;
  size: number;
  sha256: string;
}

interface Entry {
  file: string;
  size: number;
  sha256: string;
}

type Problem = (msg: string, fields: Record<string, unknown>) => void;
const NAME = /^([0-9a-f]{64})-([0-9a-f]{64})$/;
const hashKey = (key: string) => createHash("sha256").update(key).digest("hex");

export class MediaCache {
  private readonly index = new Map<string, Entry>(); // key hash → entry, least recently used first
  private total = 0;
  private loading: Promise<void> | undefined;
  private readonly inflight = new Map<string, Promise<Served | null | undefined>>();

  constructor(
    readonly dir: string,
    readonly maxBytes: number,
    private readonly problem: Problem = () => undefined,
  ) {}

  get usedBytes(): number {
    return this.total;
  }

  /** The file's bytes: from the local copy, else from `store` (then kept). Null when the store has no such key. */
  async open(key: string, store: MediaStore): Promise<Served | null> {
    if (this.maxBytes <= 0) return store.get(key);
    await (this.loading ??= this.load());
    const id = hashKey(key);
    const hit = await this.openEntry(id, key);
    if (hit) return hit;
    const running = this.inflight.get(id);
    if (running) {
      await running.catch(() => undefined); // another request is fetching it: then read the kept copy
    } else {
      const filling = this.fill(id, key, store).finally(() => this.inflight.delete(id));
      this.inflight.set(id, filling);
      const result = await filling;
      if (result !== undefined) return result;
    }
    return (await this.openEntry(id, key)) ?? store.get(key);
  }

  private async openEntry(id: string, key: string): Promise<Served | null> {
    const entry = this.index.get(id);
    if (!entry) return null;
    let handle;
    try {
      handle = await open(entry.file, "r");
    } catch {
      this.forget(id);
      return null;
    }
    this.index.delete(id);
    this.index.set(id, entry); // most recently used
    const now = new Date();
    void utimes(entry.file, now, now).catch(() => undefined);
    const body = verifiedStream(handle.createReadStream(), { key, size: entry.size, sha256: entry.sha256 });
    body.once("error", (err) => {
      this.problem("media cache: a kept copy failed its checksum; removed", { key, err });
      this.forget(id);
      void rm(entry.file, { force: true });
    });
    return { body, size: entry.size, sha256: entry.sha256 };
  }

  /**
   * Fetches into a temporary file (checked while it streams), then moves it into place. Returns
   * what to serve, or undefined when the caller should open the kept copy.
   */
  private async fill(id: string, key: string, store: MediaStore): Promise<Served | null | undefined> {
    const object = await store.get(key);
    if (!object) return null;
    if (object.size > this.maxBytes / 4) return object; // too big to be worth keeping
    const file = path.join(this.dir, id.slice(0, 2), `${id}-${object.sha256}`);
    const temp = path.join(this.dir, `.tmp-${randomBytes(8).toString("hex")}`);
    try {
      await mkdir(path.dirname(file), { recursive: true });
      await pipeline(object.body, createWriteStream(temp, { flags: "wx" }));
    } catch (error) {
      await rm(temp, { force: true });
      if ((error as { name?: string }).name === "StorageError") throw error; // corrupt or backend failure
      this.problem("media cache: cannot keep a copy (serving from the store)", { key, dir: this.dir, err: error });
      return store.get(key);
    }
    await rename(temp, file);
    this.add(id, { file, size: object.size, sha256: object.sha256 });
    return undefined;
  }

  private add(id: string, entry: Entry): void {
    this.forget(id);
    this.index.set(id, entry);
    this.total += entry.size;
    for (const [oldId, old] of this.index) {
      if (this.total <= this.maxBytes) break;
      this.forget(oldId);
      void rm(old.file, { force: true });
    }
  }

  private forget(id: string): void {
    const entry = this.index.get(id);
    if (!entry) return;
    this.index.delete(id);
    this.total -= entry.size;
  }

  /** Rebuilds the index from the directory (oldest first); leftovers of interrupted fills are removed. */
  private async load(): Promise<void> {
    const found: (Entry & { id: string; used: number })[] = [];
    await mkdir(this.dir, { recursive: true }).catch(() => undefined);
    for (const top of await readdir(this.dir).catch(() => [] as string[])) {
      if (top.startsWith(".tmp-")) {
        await rm(path.join(this.dir, top), { force: true });
        continue;
      }
      if (!/^[0-9a-f]{2}$/.test(top)) continue;
      for (const name of await readdir(path.join(this.dir, top)).catch(() => [] as string[])) {
        const m = NAME.exec(name);
        if (!m) continue;
        const file = path.join(this.dir, top, name);
        const s = await stat(file).catch(() => null);
        if (s?.isFile()) found.push({ id: m[1]!, sha256: m[2]!, file, size: s.size, used: s.mtimeMs });
      }
    }
    found.sort((a, b) => a.used - b.used);
    for (const { id, used: _used, ...entry } of found) this.add(id, entry);
  }
}
