import type { StoredResponse } from "./stored-response";

// The in-process cache of whole public responses (docs/CACHING.md, "Response cache"): by URL,
// bounded in bytes (least recently used out first; URLs with a query string within a share of
// their own), emptied by purge() on every publish/withdraw (or, with tags, only the entries
// showing what changed). Expired entries stay until evicted or purged: they are served, marked
// stale, when Next fails (database down).

export interface CacheEntry {
  readonly response: StoredResponse;
  /** Served as fresh until then (ms since epoch). */
  readonly expiresAt: number;
  /** What the response shows (publication ids, list names…), for selective purges. */
  readonly tags: ReadonlySet<string>;
}

/** Paths whose render tags are kept, and tags per path (beyond: unknown, so purged by any purge). */
const MAX_TAGGED_PATHS = 50_000;
const MAX_TAGS_PER_PATH = 64;

export interface ResponseCacheOptions {
  maxBytes?: number;
  maxEntryBytes?: number;
  /**
   * Bytes that entries with a query string (searches, made-up parameters) may hold together,
   * within maxBytes: anyone can invent new ones, so a flood of them pushes out at most this share
   * of the pages, never the rest. Default: a quarter.
   */
  maxQueryBytes?: number;
}

/** Keys with a query string: their number is up to whoever sends requests. */
const hasQuery = (key: string) => key.includes("?");

export class ResponseCache {
  readonly maxBytes: number;
  readonly maxEntryBytes: number;
  readonly maxQueryBytes: number;
  #entries = new Map<string, CacheEntry>();
  #bytes = 0;
  /** The entries with a query string, least recently used first (also in #entries). */
  #queryKeys = new Set<string>();
  #queryBytes = 0;
  #generation = 0;
  #horizon: number | undefined;
  /** Every finite embargo end noted in this generation (a handful: embargoes are rare). */
  #horizons = new Set<number>();
  /** Every tag the renders of a path reported (null: too many to keep); survives purges. */
  #pathTags = new Map<string, Set<string> | null>();

  constructor({ maxBytes = 64 * 1024 * 1024, maxEntryBytes, maxQueryBytes }: ResponseCacheOptions = {}) {
    this.maxBytes = maxBytes;
    this.maxQueryBytes = maxQueryBytes ?? Math.floor(maxBytes / 4);
    this.maxEntryBytes = maxEntryBytes ?? Math.floor(maxBytes / 8);
  }

  /** Counts purges: a response whose request began before a purge is never stored. */
  get generation(): number {
    return this.#generation;
  }
  get bytes(): number {
    return this.#bytes;
  }
  get size(): number {
    return this.#entries.size;
  }
  /** Bytes held by entries with a query string. */
  get queryBytes(): number {
    return this.#queryBytes;
  }
  /** The latest embargo horizon the app noted for the current generation. */
  get horizon(): number | undefined {
    return this.#horizon;
  }

  /** The entry, fresh or not (check `expiresAt`); marks it recently used. */
  get(key: string): CacheEntry | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    if (this.#queryKeys.delete(key)) this.#queryKeys.add(key);
    return entry;
  }

  /** Stores `entry` unless a purge happened since `sinceGeneration` or it is too big. */
  set(key: string, entry: CacheEntry, sinceGeneration = this.#generation): boolean {
    if (sinceGeneration !== this.#generation) return false;
    if (entry.response.size > this.maxEntryBytes) return false;
    const query = hasQuery(key);
    if (query && entry.response.size > this.maxQueryBytes) return false;
    this.#remove(key);
    this.#entries.set(key, entry);
    this.#bytes += entry.response.size;
    if (query) {
      this.#queryKeys.add(key);
      this.#queryBytes += entry.response.size;
      for (const oldest of this.#queryKeys) {
        if (this.#queryBytes <= this.maxQueryBytes) break;
        this.#remove(oldest);
      }
    }
    for (const [oldest] of this.#entries) {
      if (this.#bytes <= this.maxBytes) break;
      this.#remove(oldest);
    }
    return true;
  }

  /**
   * Without tags: forgets everything. With tags: forgets the entries carrying any of them, and
   * entries that carry no tags at all (nobody said what they show). Either way responses in
   * flight are not stored, since they may have read the old data.
   */
  purge(tags?: readonly string[]): void {
    this.#generation += 1;
    this.#horizon = undefined;
    this.#horizons.clear();
    if (!tags) {
      this.#entries.clear();
      this.#bytes = 0;
      this.#queryKeys.clear();
      this.#queryBytes = 0;
      return;
    }
    for (const [key, entry] of this.#entries) {
      if (entry.tags.size === 0 || tags.some((t) => entry.tags.has(t))) this.#remove(key);
    }
  }

  /**
   * A render of `path` reported `tag`. Next answers a page from its own page cache (x-nextjs-cache:
   * HIT) without running the app, so nothing is reported then: such an answer is stored with the
   * tags its path's renders reported (tagsOfPath). A union over all renders, so never fewer than
   * the render Next kept. Paths, not keys: Next's page cache ignores the query string.
   */
  noteRenderTag(path: string, tag: string): void {
    let tags = this.#pathTags.get(path);
    if (tags === null) return;
    if (!tags) {
      if (this.#pathTags.size >= MAX_TAGGED_PATHS) this.#pathTags.delete(this.#pathTags.keys().next().value!);
      this.#pathTags.set(path, (tags = new Set()));
    }
    if (tags.has(tag)) return;
    if (tags.size >= MAX_TAGS_PER_PATH) this.#pathTags.set(path, null);
    else tags.add(tag);
  }

  /** The tags every render of `path` reported so far (undefined: unknown). */
  tagsOfPath(path: string): ReadonlySet<string> | undefined {
    return this.#pathTags.get(path) ?? undefined;
  }

  /** The app saw (in `atGeneration`) that the next embargo ends at `at` (ms; Infinity: none). */
  noteHorizon(at: number, atGeneration = this.#generation): void {
    if (atGeneration !== this.#generation || Number.isNaN(at)) return;
    this.#horizon = at;
    if (Number.isFinite(at) && this.#horizons.size < 256) this.#horizons.add(at);
  }

  /** An embargo noted in this generation ended less than `withinMs` ago. */
  embargoEndedWithin(now: number, withinMs: number): boolean {
    for (const at of this.#horizons) if (at <= now && now < at + withinMs) return true;
    return false;
  }

  #remove(key: string): void {
    const entry = this.#entries.get(key);
    if (!entry) return;
    this.#entries.delete(key);
    this.#bytes -= entry.response.size;
    if (this.#queryKeys.delete(key)) this.#queryBytes -= entry.response.size;
  }
}
