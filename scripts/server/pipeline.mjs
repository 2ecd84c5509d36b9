// The response pipeline around Next's request handler (docs/CACHING.md, docs/SECURITY.md):
// - a cache of whole public responses for anonymous readers, purged on publish/withdraw, bounded
//   by the lifetime Next declares and by the next embargo end (the "horizon" the app reports);
// - stale entries served when Next fails, and a localized 503 when the database is unreachable;
// - Next's empty 404 shell replaced by the server-rendered localized not-found page;
// - security headers on every response and a CSP allowing exactly the page's inline scripts;
// - gzip of the responses it buffers.
// The app reaches it through globalThis.newsroomPipeline (src/server/response-cache.ts): same
// process, same global object.
import { AsyncLocalStorage } from "node:async_hooks";
import { randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import { captureResponse } from "./capture.mjs";
import { isCrossSiteAction } from "./csrf.mjs";
import { isNextErrorShell, loadUnavailableStrings, unavailablePage } from "./pages.mjs";
import { COMPRESSIBLE, createResponder, etagOf, headerOf, headerPairs } from "./respond.mjs";
import { createResponseCache, freshUntil } from "./response-cache.mjs";
import { cacheableKey, isPublicPagePath, isPublicPath, localeOfPath, splitUrl } from "./routes.mjs";
import { baseSecurityHeaders, contentSecurityPolicy, inlineScriptHashes } from "./security-headers.mjs";

export const INTERNAL_HEADER = "x-newsroom-internal";
export const LOCALE_HEADER = "x-newsroom-locale";
export const NOT_FOUND_PATH = "/_newsroom/not-found";

export function createPipeline({
  handle,
  logger,
  root,
  selfUrl,
  https = false,
  maxBytes,
  fetchImpl = fetch,
  now = Date.now,
}) {
  const secret = randomBytes(32).toString("base64url");
  const secretBuf = Buffer.from(secret);
  const instanceId = randomUUID();
  const als = new AsyncLocalStorage();
  const cache = createResponseCache({ maxBytes });
  const security = baseSecurityHeaders({ https });
  const baseCsp = contentSecurityPolicy();
  const strings = loadUnavailableStrings(root);
  const notFoundBodies = new Map();
  let health = { at: 0, ok: true };
  let bus;
  const { serve, buildEntry } = createResponder({ security, cache });

  const isInternal = (token) =>
    typeof token === "string" && token.length === secret.length && timingSafeEqual(Buffer.from(token), secretBuf);

  function purge() {
    cache.purge();
    notFoundBodies.clear();
  }

  /** Another instance changed public content: empty this cache and Next's (over loopback, in a request). */
  async function revalidateFromPeer(why) {
    purge();
    try {
      const res = await fetchImpl(`${selfUrl()}/api/internal/revalidate`, {
        method: "POST",
        headers: { [INTERNAL_HEADER]: secret },
        signal: AbortSignal.timeout(5_000),
      });
      await res.arrayBuffer();
      if (!res.ok) logger.error({ status: res.status, why }, "revalidation after a peer's change failed");
    } catch (err) {
      logger.error({ err: err?.message, why }, "revalidation after a peer's change failed");
    }
  }

  // What the app calls (src/server/response-cache.ts).
  const bridge = {
    /** After a change readers can see; in a request also once more when its response has ended
     *  (Next applies revalidateTag at the end of the action). `broadcast`: tell other instances. */
    purge({ broadcast = true } = {}) {
      purge();
      const store = als.getStore();
      if (store) store.purgeAtEnd = true;
      if (broadcast && bus) void bus.publish({ at: Date.now() });
    },
    /** The data read for this response has its next embargo end at `at` (ms; Infinity: none). */
    noteHorizon(at) {
      const store = als.getStore();
      if (!store || store.generation !== cache.generation) return;
      store.horizon = Math.min(store.horizon ?? Infinity, at);
      cache.noteHorizon(at, store.generation);
    },
    verifyInternal: isInternal,
  };

  async function notFoundHtml(locale) {
    let body = notFoundBodies.get(locale);
    if (!body) {
      body = fetchImpl(`${selfUrl()}${NOT_FOUND_PATH}`, {
        headers: { [INTERNAL_HEADER]: secret, [LOCALE_HEADER]: locale },
        signal: AbortSignal.timeout(5_000),
      })
        .then(async (r) => ((r.headers.get("content-type") ?? "").includes("text/html") ? r.text() : null))
        .catch(() => null);
      notFoundBodies.set(locale, body);
      void body.then((html) => html === null && notFoundBodies.delete(locale));
    }
    return body;
  }

  async function databaseHealthy() {
    if (now() - health.at < 1_000) return health.ok;
    let ok;
    try {
      const res = await fetchImpl(`${selfUrl()}/api/health`, { signal: AbortSignal.timeout(3_000) });
      await res.arrayBuffer();
      ok = res.status === 200;
    } catch {
      ok = false;
    }
    health = { at: now(), ok };
    return ok;
  }

  async function handleRequest(req, res) {
    const { path } = splitUrl(req.url);
    const internal = isInternal(req.headers[INTERNAL_HEADER]);
    if (!internal) delete req.headers[INTERNAL_HEADER]; // the app checks it again (route handler)
    const locale = localeOfPath(path);
    if (locale) req.headers[LOCALE_HEADER] = locale;
    else if (!internal) delete req.headers[LOCALE_HEADER];
    const gzipOk = /\bgzip\b/i.test(req.headers["accept-encoding"] ?? "");

    const key = cacheableKey(req);
    if (key) {
      const entry = cache.get(key);
      if (entry && entry.expiresAt > now()) return serve(req, res, entry, { cacheState: "HIT", gzipOk, key });
    }

    for (const [name, value] of security) res.setHeader(name, value);
    res.setHeader("Content-Security-Policy", baseCsp);
    if ((path.startsWith("/api/internal/") || path.startsWith("/_newsroom/")) && !internal) {
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" });
      res.end("Not found");
      return;
    }
    if (isCrossSiteAction(req)) {
      res.writeHead(403, { "Content-Type": "text/plain; charset=utf-8" });
      res.end("Forbidden: cross-site request");
      return;
    }
    const staticFile = path.startsWith("/_next/static/") || path.startsWith("/_next/image");
    // The pipeline compresses what it buffers itself (it must read the HTML to hash its scripts).
    if (!staticFile) delete req.headers["accept-encoding"];
    const ifNoneMatch = req.headers["if-none-match"];
    if (key) {
      // Conditional requests are answered by the pipeline, from the full response it stores.
      delete req.headers["if-none-match"];
      delete req.headers["if-modified-since"];
      if (req.method === "HEAD") req.method = "GET"; // the body is dropped by Node, but stored
    }
    if (staticFile) return handle(req, res); // Next serves (and compresses) build files itself
    const store = { generation: cache.generation, horizon: undefined, purgeAtEnd: false };
    res.once("close", () => store.purgeAtEnd && purge());

    const capture = captureResponse(res, (r) => {
      if (r.getHeader("content-encoding")) return false;
      if (key) return true;
      const type = String(r.getHeader("content-type") ?? "");
      if (/text\/event-stream/i.test(type)) return false;
      return /text\/html/i.test(type) || (gzipOk && COMPRESSIBLE.test(type));
    });
    const handled = als.run(store, () => handle(req, res));
    let captured;
    try {
      captured = await Promise.race([capture.done, handled.then(() => undefined)]);
    } catch (err) {
      capture.release();
      throw err;
    }
    if (captured === undefined) {
      // Next returned without ending a buffered response (client gone): nothing to send.
      captured = await Promise.race([capture.done, new Promise((r) => setImmediate(() => r(null)))]);
      capture.abandon();
    }
    if (!captured) return handled;
    req.headers["if-none-match"] = ifNoneMatch;

    let { status, body } = captured;
    let pairs = headerPairs(res);
    let replaced = false;
    const type = headerOf(pairs, "content-type") ?? "";

    if (status >= 500 && isPublicPath(path)) {
      const stale = key && cache.get(key);
      if (stale) {
        capture.release(); // the real methods back, to send our own response
        serve(req, res, stale, { cacheState: "STALE", gzipOk, clear: true });
        return handled;
      }
      if (!(await databaseHealthy())) {
        status = 503;
        replaced = true;
        const [contentType, text] = isPublicPagePath(path)
          ? ["text/html; charset=utf-8", unavailablePage(strings, locale)]
          : path.startsWith("/api/")
            ? [
                "application/json; charset=utf-8",
                JSON.stringify({ error: { code: "unavailable", message: "database unavailable" } }),
              ]
            : ["text/plain; charset=utf-8", "Service unavailable\n"];
        body = Buffer.from(text);
        pairs = [
          ["Content-Type", contentType],
          ["Cache-Control", "no-store"],
          ["Retry-After", "30"],
        ];
      }
    } else if (status === 404 && locale && type.includes("text/html") && isNextErrorShell(body.toString("utf8"))) {
      const html = await notFoundHtml(locale);
      if (html) {
        body = Buffer.from(html);
        replaced = true;
      }
    }

    const html = headerOf(pairs, "content-type")?.includes("text/html");
    const ownCsp = res.getHeader("content-security-policy"); // a route handler's own (e.g. media: sandbox)
    if (html) pairs.push(["Content-Security-Policy", contentSecurityPolicy(inlineScriptHashes(body.toString("utf8")))]);
    else pairs.push(["Content-Security-Policy", !replaced && ownCsp && ownCsp !== baseCsp ? String(ownCsp) : baseCsp]);
    const nextEtag = res.getHeader("etag");
    const etag = replaced || !nextEtag ? (key ? etagOf(body) : undefined) : String(nextEtag);
    const entry = buildEntry(status, pairs, body, etag);

    if (key) {
      const expiresAt = freshUntil({
        status,
        cacheControl: headerOf(pairs, "cache-control"),
        nextCache: res.getHeader("x-nextjs-cache"),
        setsCookie: res.hasHeader("set-cookie"),
        horizon: store.horizon ?? cache.horizon,
        now: now(),
      });
      if (expiresAt !== null && !store.purgeAtEnd) {
        entry.expiresAt = expiresAt;
        cache.set(key, entry, store.generation);
      }
    }
    capture.release();
    serve(req, res, entry, { cacheState: key ? "MISS" : undefined, gzipOk, clear: true });
    return handled;
  }

  return {
    handleRequest,
    bridge,
    cache,
    instanceId,
    /** Starts LISTEN/NOTIFY between instances when the database is PostgreSQL. */
    async startBus(databaseUrl) {
      if (!/^postgres(ql)?:\/\//.test(databaseUrl ?? "")) return false;
      const { default: pg } = await import("pg");
      const { createCacheBus } = await import("./cache-bus.mjs");
      bus = createCacheBus({
        pg,
        url: databaseUrl,
        instanceId,
        logger,
        onMessage: (data) => {
          logger.info(
            { delayMs: typeof data.at === "number" ? Date.now() - data.at : undefined },
            "cache bus: change on another instance",
          );
          void revalidateFromPeer("notification");
        },
        onReconnect: () => void revalidateFromPeer("reconnected"),
      });
      return true;
    },
    async close() {
      await bus?.close();
    },
  };
}
