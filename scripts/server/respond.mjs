// Writing responses: the pipeline's cache entries (status, headers, body, ETag, gzip variant) and
// the headers of what Next produced, with the security headers every response carries.
import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";

export const COMPRESSIBLE = /^(text\/|application\/(json|xml|javascript|rss\+xml|atom\+xml)|image\/svg\+xml)/i;
const MIN_GZIP = 1024;
// Headers of Next's response that the pipeline recomputes or that belong to the connection.
const DROP = new Set([
  "content-length",
  "transfer-encoding",
  "content-encoding",
  "x-nextjs-cache",
  "etag",
  "connection",
  "keep-alive",
  "date",
  "x-request-id",
  "content-security-policy",
  "x-content-type-options",
  "x-frame-options",
  "permissions-policy",
  "strict-transport-security",
]);
const KEEP_ON_RES = new Set(["x-request-id", "connection"]);

export const etagOf = (body) => `"${createHash("sha1").update(body).digest("base64url")}"`;

export function headerPairs(res) {
  const pairs = [];
  for (const [name, value] of Object.entries(res.getHeaders())) {
    if (DROP.has(name)) continue;
    // The app may only make the referrer policy stricter (pages opened with a private token).
    if (name === "referrer-policy" && value !== "no-referrer") continue;
    for (const v of Array.isArray(value) ? value : [value]) pairs.push([name, String(v)]);
  }
  return pairs;
}

export const headerOf = (pairs, name) => pairs.find(([n]) => n.toLowerCase() === name)?.[1];

function matchesEtag(header, etag) {
  if (!header || !etag) return false;
  return header.split(",").some((t) => {
    const tag = t.trim().replace(/^W\//, "");
    return tag === "*" || tag === etag;
  });
}

/** `security`: [name, value] pairs sent on every response; `cache`: to account for gzip variants. */
export function createResponder({ security, cache }) {
  /** Writes `entry` (a stored or freshly built response) to the client. */
  function serve(req, res, entry, { cacheState, gzipOk, key, clear = false }) {
    if (clear) for (const name of res.getHeaderNames()) if (!KEEP_ON_RES.has(name)) res.removeHeader(name);
    if (cacheState) {
      res.setHeader("X-Cache", cacheState);
      res.newsroomCache = cacheState;
    }
    if (cacheState === "STALE") res.setHeader("Warning", '110 - "Response is Stale"');
    if (entry.status === 200 && entry.etag && matchesEtag(req.headers["if-none-match"], entry.etag)) {
      entry.notModified ??= Object.fromEntries([
        ...security,
        ["ETag", entry.etag],
        ...["cache-control", "vary"].flatMap((n) => {
          const v = headerOf(entry.headers, n);
          return v === undefined ? [] : [[n, v]];
        }),
      ]);
      res.writeHead(304, entry.notModified);
      res.end();
      return;
    }
    if (gzipOk && entry.gzipable) {
      if (!entry.gzip) {
        entry.gzip = gzipSync(entry.body);
        if (key) cache.grow(key, entry, entry.gzip.length);
      }
      entry.gzipHeaders ??= { ...entry.all, "Content-Encoding": "gzip", "Content-Length": String(entry.gzip.length) };
      res.writeHead(entry.status, entry.gzipHeaders);
      res.end(entry.gzip);
      return;
    }
    entry.plainHeaders ??= { ...entry.all, "Content-Length": String(entry.body.length) };
    res.writeHead(entry.status, entry.plainHeaders);
    res.end(entry.body);
  }

  function buildEntry(status, pairs, body, etag) {
    const type = headerOf(pairs, "content-type") ?? "";
    const gzipable = COMPRESSIBLE.test(type) && body.length >= MIN_GZIP;
    if (gzipable && !/accept-encoding/i.test(headerOf(pairs, "vary") ?? "")) {
      const i = pairs.findIndex(([n]) => n.toLowerCase() === "vary");
      if (i === -1) pairs.push(["Vary", "Accept-Encoding"]);
      else pairs[i] = [pairs[i][0], `${pairs[i][1]}, Accept-Encoding`];
    }
    // One object, repeated names (Set-Cookie) as arrays: writeHead with a flat list keeps only the last.
    const all = Object.fromEntries(security);
    if (headerOf(pairs, "referrer-policy")) delete all["Referrer-Policy"];
    for (const [name, value] of [...pairs, ...(etag ? [["ETag", etag]] : [])]) {
      const have = all[name];
      all[name] = have === undefined ? value : [have, value].flat();
    }
    return { status, headers: pairs, body, etag, gzipable, all };
  }

  return { serve, buildEntry };
}
