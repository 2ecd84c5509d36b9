// How long the response cache may answer with a response Next produced. See docs/CACHING.md
// ("Response cache", "Lifetime: never longer than Next's").

/** Lifetime of responses that declare none for shared caches (route handlers computed per request). */
export const DEFAULT_TTL_S = 3600;

/**
 * How long after an embargo end Next may still answer from a page rendered before it: the app caps
 * a page's lifetime at the next embargo end in whole seconds, rounded up (expireNoLaterThan in
 * src/server/releases/public-cache.ts), so such a page can stay fresh for Next up to 1 s past it.
 */
export const NEXT_ROUNDING_SLACK_MS = 1_500;

export function directives(cacheControl = ""): Map<string, string | undefined> {
  const out = new Map<string, string | undefined>();
  for (const part of cacheControl.toLowerCase().split(",")) {
    const [name, value] = part.trim().split("=");
    if (name) out.set(name, value);
  }
  return out;
}

export interface FreshnessFacts {
  status: number;
  /** Cache-Control as Next sent it (before the front server rewrote it for browsers). */
  cacheControl: string | undefined;
  /** Next's x-nextjs-cache: MISS (just rendered), HIT (from its page cache), STALE. */
  nextCache: string | undefined;
  setsCookie: boolean;
  /** The next embargo end known for the data read (ms; Infinity: none; undefined: unknown). */
  horizon: number | undefined;
  /** An embargo ended less than NEXT_ROUNDING_SLACK_MS ago: Next's HIT may predate it. */
  embargoJustEnded: boolean;
  /**
   * The app said this dynamic response shows only data whose tags and horizon it reported (the
   * search page): kept despite Next's no-store, for DEFAULT_TTL_S at most, and only with a horizon.
   */
  appStorable?: boolean;
  now: number;
}

/**
 * Until when (ms since epoch) the response may be served from the cache, or null when it must not
 * be stored. Next declares a page's lifetime in `s-maxage`, already capped at the next embargo
 * end when it rendered the page (MISS); on a HIT the entry's age is unknown, so the embargo
 * horizon must be known to bound it, and no embargo may have just ended (the page Next holds may
 * have been rendered before it).
 */
export function freshUntil(f: FreshnessFacts): number | null {
  if (f.status !== 200 && f.status !== 404) return null;
  if (f.setsCookie) return null;
  if (f.nextCache === "STALE") return null;
  if (f.appStorable) {
    // Rendered for this request (never Next's cached copy), and bounded by the horizon it read.
    if (f.nextCache === "HIT" || f.horizon === undefined) return null;
    const until = Math.min(f.now + DEFAULT_TTL_S * 1000, f.horizon);
    return until > f.now ? until : null;
  }
  const cc = directives(f.cacheControl);
  if (cc.has("private") || cc.has("no-store") || cc.has("no-cache")) return null;
  if (f.nextCache === "HIT" && (f.horizon === undefined || f.embargoJustEnded)) return null;
  const sMaxAge = Number(cc.get("s-maxage"));
  const ttl = Number.isFinite(sMaxAge) ? sMaxAge : DEFAULT_TTL_S;
  const until = Math.min(f.now + ttl * 1000, f.horizon ?? Infinity);
  return until > f.now ? until : null;
}
