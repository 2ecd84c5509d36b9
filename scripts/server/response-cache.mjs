// The in-process HTTP response cache of the public site (docs/CACHING.md, "Response cache"):
// whole responses (status, headers, body) by URL, bounded in bytes (least recently used first out),
// emptied by purge() on every publish/withdraw. Expired entries stay until evicted or purged: they
// are served, marked stale, when Next fails (database down).

/** Lifetime of responses that declare none for shared caches (route handlers computed per request). */
export const DEFAULT_TTL_S = 3600;

function directives(cacheControl = "") {
  const out = new Map();
  for (const part of cacheControl.toLowerCase().split(",")) {
    const [name, value] = part.trim().split("=");
    if (name) out.set(name, value);
  }
  return out;
}

/**
 * When a response Next produced may be served from the cache until (ms since epoch), or null when
 * it must not be stored. `horizon` is the next embargo end known for the data the response was
 * built from (Infinity: none; undefined: unknown). Next declares a page's lifetime in `s-maxage`,
 * already capped at the next embargo when it rendered the page (x-nextjs-cache MISS); on a HIT the
 * entry's age is unknown, so the embargo horizon must be known to bound it.
 */
export function freshUntil({ status, cacheControl, nextCache, setsCookie, horizon, now }) {
  if (status !== 200 && status !== 404) return null;
  if (setsCookie) return null;
  const cc = directives(cacheControl);
  if (cc.has("private") || cc.has("no-store") || cc.has("no-cache")) return null;
  if (nextCache === "STALE") return null;
  if (nextCache === "HIT" && horizon === undefined) return null;
  const sMaxAge = Number(cc.get("s-maxage"));
  const ttl = Number.isFinite(sMaxAge) ? sMaxAge : DEFAULT_TTL_S;
  const until = Math.min(now + ttl * 1000, horizon ?? Infinity);
  return until > now ? until : null;
}

/** Bytes an entry holds: bodies plus a rough allowance for headers and bookkeeping. */
export function entrySize(entry) {
  let size = 512 + entry.body.length + (entry.gzip?.length ?? 0);
  for (const [name, value] of entry.headers) size += name.length + String(value).length;
  return size;
}

/**
 * A cache of entries `{ status, headers: [name, value][], body: Buffer, etag, expiresAt, gzip? }`.
 * `generation` counts purges: a response whose request began before a purge is never stored.
 * `horizon` is the latest embargo horizon noted by the app for the current generation.
 */
export function createResponseCache({ maxBytes = 64 * 1024 * 1024, maxEntryBytes = Math.floor(maxBytes / 8) } = {}) {
  const entries = new Map();
  let bytes = 0;
  let generation = 0;
  let horizon;

  function remove(key) {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    bytes -= entry.size;
  }

  return {
    get generation() {
      return generation;
    },
    get bytes() {
      return bytes;
    },
    get size() {
      return entries.size;
    },
    /** The entry, fresh or not (check `expiresAt`); marks it recently used. */
    get(key) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      entries.delete(key);
      entries.set(key, entry);
      return entry;
    },
    /** Stores `entry` unless a purge happened since `sinceGeneration` or it is too big. */
    set(key, entry, sinceGeneration = generation) {
      if (sinceGeneration !== generation) return false;
      entry.size = entrySize(entry);
      if (entry.size > maxEntryBytes) return false;
      remove(key);
      entries.set(key, entry);
      bytes += entry.size;
      for (const [oldest] of entries) {
        if (bytes <= maxBytes) break;
        remove(oldest);
      }
      return true;
    },
    /** Adds a lazily computed variant (e.g. gzip) to an entry still held, keeping the byte count right. */
    grow(key, entry, extra) {
      if (entries.get(key) !== entry) return;
      bytes += extra;
      entry.size += extra;
    },
    /** Forgets everything; responses in flight will not be stored. */
    purge() {
      entries.clear();
      bytes = 0;
      generation += 1;
      horizon = undefined;
    },
    /** The app saw (in `atGeneration`) that the next embargo ends at `at` (ms; Infinity: none). */
    noteHorizon(at, atGeneration = generation) {
      if (atGeneration === generation && typeof at === "number" && !Number.isNaN(at)) horizon = at;
    },
    get horizon() {
      return horizon;
    },
  };
}
