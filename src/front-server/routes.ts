import type { IncomingHttpHeaders } from "node:http";
import { SESSION_COOKIE, localeOfPath } from "@/contract";

// Which requests the response cache may answer, and under which key. See docs/CACHING.md
// ("Response cache").

/** Paths of the public site: pages and feeds under /zh, /zh-Hant and /en, sitemap and its shards, robots, the JSON API. */
export function isPublicPath(path: string): boolean {
  return (
    localeOfPath(path) !== undefined ||
    path === "/sitemap.xml" ||
    /^\/sitemaps\/[^/]+\.xml$/.test(path) ||
    path === "/robots.txt" ||
    /^\/api\/v1\/releases(\/|$)/.test(path)
  );
}

/** Public pages rendered as HTML (not feeds or the API): where a localized error page makes sense. */
export function isPublicPagePath(path: string): boolean {
  return localeOfPath(path) !== undefined && !/^\/[A-Za-z-]+\/(feed|atom)\.xml$/.test(path);
}

/** Build files Next serves (and compresses) itself; nothing of ours applies to them. */
export const isStaticFile = (path: string) => path.startsWith("/_next/static/");

export function splitUrl(url = "/"): { path: string; query: string } {
  const q = url.indexOf("?");
  return q === -1 ? { path: url, query: "" } : { path: url.slice(0, q), query: url.slice(q + 1) };
}

const byNameThenValue = ([a, av]: [string, string], [b, bv]: [string, string]) =>
  a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0;

/**
 * The cache key: the path plus the query with its parameters sorted (order does not change the
 * answer), or null for a client-router fetch (`_rsc`), which Next answers with an RSC payload.
 */
export function cacheKey(url: string): string | null {
  const { path, query } = splitUrl(url);
  if (!query) return path;
  const params = new URLSearchParams(query);
  if (params.has("_rsc")) return null;
  const sorted = [...params].sort(byNameThenValue);
  return sorted.length ? `${path}?${new URLSearchParams(sorted).toString()}` : path;
}

export function hasSessionCookie(cookie: string | string[] | undefined): boolean {
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
export function cacheableKey(req: { method?: string; url?: string; headers: IncomingHttpHeaders }): string | null {
  if (req.method !== "GET" && req.method !== "HEAD") return null;
  const url = req.url ?? "/";
  if (!isPublicPath(splitUrl(url).path)) return null;
  if (hasSessionCookie(req.headers.cookie)) return null;
  if (ROUTER_HEADERS.some((h) => req.headers[h] !== undefined)) return null;
  return cacheKey(url);
}
