// Which requests the response pipeline may answer from its cache, and under which key.
// See docs/CACHING.md ("Response cache").

export const SESSION_COOKIE = "newsroom_session";

/** Paths of the public site: pages and feeds under /zh and /en, sitemap, robots, the JSON API. */
export function isPublicPath(path) {
  return (
    /^\/(zh|en)(\/|$)/.test(path) ||
    path === "/sitemap.xml" ||
    path === "/robots.txt" ||
    /^\/api\/v1\/releases(\/|$)/.test(path)
  );
}

/** Public pages rendered as HTML (not feeds or the API): where a localized error page makes sense. */
export function isPublicPagePath(path) {
  return /^\/(zh|en)(\/|$)/.test(path) && !/^\/(zh|en)\/(feed|atom)\.xml$/.test(path);
}

/** "zh" or "en" when the path starts with a locale segment. */
export function localeOfPath(path) {
  const m = /^\/(zh|en)(\/|$)/.exec(path);
  return m ? m[1] : undefined;
}

export function splitUrl(url = "/") {
  const q = url.indexOf("?");
  return q === -1 ? { path: url, query: "" } : { path: url.slice(0, q), query: url.slice(q + 1) };
}

/**
 * The cache key: the path plus the query with its parameters sorted (order does not change the
 * answer), or null when the request is a client-router fetch (`_rsc`), which Next answers with an
 * RSC payload instead of HTML.
 */
export function cacheKey(url) {
  const { path, query } = splitUrl(url);
  if (!query) return path;
  const params = new URLSearchParams(query);
  if (params.has("_rsc")) return null;
  const sorted = [...params].sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  return sorted.length ? `${path}?${new URLSearchParams(sorted)}` : path;
}

export function hasSessionCookie(cookie) {
  if (!cookie) return false;
  const value = Array.isArray(cookie) ? cookie.join(";") : cookie;
  return value.split(";").some((part) => part.trim().startsWith(`${SESSION_COOKIE}=`));
}

// Headers with which Next answers something other than the page's HTML (client router fetches,
// server actions): never served from or stored in the cache.
const ROUTER_HEADERS = [
  "rsc",
  "next-action",
  "next-router-state-tree",
  "next-router-prefetch",
  "next-router-segment-prefetch",
];

/** The cache key for an anonymous GET/HEAD of a public URL, else null (pass to Next untouched). */
export function cacheableKey(req) {
  if (req.method !== "GET" && req.method !== "HEAD") return null;
  const { path } = splitUrl(req.url);
  if (!isPublicPath(path)) return null;
  if (hasSessionCookie(req.headers.cookie)) return null;
  if (ROUTER_HEADERS.some((h) => req.headers[h] !== undefined)) return null;
  return cacheKey(req.url);
}
