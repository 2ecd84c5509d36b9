import { createHash } from "node:crypto";
import http, { createServer } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { createPipeline } from "./pipeline.mjs";

// The pipeline in a real node:http server around a fake Next handler (streams, statuses, headers
// as Next sends them), so every branch runs without a build.

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const silent = { info() {}, warn() {}, error() {}, debug() {} };
const PAGE = (n) =>
  `<!DOCTYPE html><html lang="zh-CN"><head><script>self.__next_f=[${n}]</script></head><body>${"x".repeat(2000)}<p>render ${n}</p></body></html>`;

let renders = 0;
let mode = "ok";
let horizon;
let pipeline;
let server;
let base;

async function fakeNext(req, res) {
  const { pathname } = new URL(req.url, "http://x");
  if (req.headers["accept-encoding"] && !pathname.startsWith("/_next/static/"))
    throw new Error("accept-encoding reached Next");
  if (pathname === "/api/health") {
    res.writeHead(mode === "down" ? 503 : 200, { "Content-Type": "application/json" });
    return res.end("{}");
  }
  if (pathname === "/_newsroom/not-found") {
    if (!pipeline.bridge.verifyInternal(req.headers["x-newsroom-internal"])) throw new Error("secret missing");
    res.writeHead(404, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "private, no-store" });
    return res.end(
      `<!DOCTYPE html><html lang="${req.headers["x-newsroom-locale"] === "en" ? "en" : "zh-CN"}"><body><h1>${req.headers["x-newsroom-locale"]} not found</h1><script>boot()</script></body></html>`,
    );
  }
  if (pathname === "/api/internal/revalidate") {
    // The route handler checks the secret again: the pipeline must hand its own header through.
    if (!pipeline.bridge.verifyInternal(req.headers["x-newsroom-internal"])) throw new Error("secret missing");
    pipeline.bridge.purge({ broadcast: false });
    return res.end("ok");
  }
  if (pathname === "/zh/publish") {
    // A server action: write, revalidate (purge), and the data changes for the next render.
    pipeline.bridge.purge({ broadcast: true });
    await new Promise((r) => setTimeout(r, 20));
    res.writeHead(303, { Location: "/zh" });
    return res.end();
  }
  if (pathname === "/zh/news/nope") {
    res.statusCode = 404;
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    res.setHeader("Cache-Control", "s-maxage=3600");
    return res.end(
      '<!DOCTYPE html><html id="__next_error__"><head></head><body><script>shell()</script></body></html>',
    );
  }
  if (pathname === "/zh/embargoed/t" || pathname === "/zh/loose-referrer") {
    // A page opened with a private token (src/proxy.ts sets these), and one trying to loosen the policy.
    res.writeHead(200, {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "private, no-cache, no-store, max-age=0, must-revalidate",
      "Referrer-Policy": pathname === "/zh/embargoed/t" ? "no-referrer" : "unsafe-url",
    });
    return res.end(PAGE(++renders));
  }
  if (pathname === "/zh/cookie") {
    res.setHeader("Set-Cookie", ["a=1", "b=2"]);
    res.setHeader("Content-Type", "text/html");
    return res.end("<p>cookie</p>");
  }
  if (pathname === "/media/x") {
    res.writeHead(404, { "Content-Type": "text/plain", "Content-Security-Policy": "default-src 'none'; sandbox" });
    return res.end("Not found");
  }
  if (pathname === "/_next/static/a.js") {
    res.setHeader("Content-Type", "application/javascript");
    return res.end("x".repeat(5000));
  }
  if (mode === "down") {
    res.writeHead(500, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "private, no-store" });
    return res.end("<html><body>error</body></html>");
  }
  renders += 1;
  if (horizon !== undefined) pipeline.bridge.noteHorizon(horizon);
  res.setHeader("Content-Type", "text/html; charset=utf-8");
  res.setHeader("Cache-Control", "s-maxage=3600, stale-while-revalidate=10");
  res.setHeader("x-nextjs-cache", "MISS");
  res.flushHeaders();
  const html = PAGE(renders);
  // Streamed in chunks, as React does.
  for (let i = 0; i < html.length; i += 700) {
    res.write(html.slice(i, i + 700));
    await new Promise((r) => setImmediate(r));
  }
  await new Promise((resolve) => {
    res.once("finish", resolve);
    res.end();
  });
}

beforeAll(async () => {
  let port;
  pipeline = createPipeline({
    handle: fakeNext,
    logger: silent,
    root: ROOT,
    selfUrl: () => `http://127.0.0.1:${port}`,
  });
  server = createServer((req, res) => void pipeline.handleRequest(req, res));
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  port = server.address().port;
  base = `http://127.0.0.1:${port}`;
});
afterAll(() => {
  server.closeAllConnections();
  return new Promise((r) => server.close(r));
});
beforeEach(() => {
  mode = "ok";
  horizon = undefined;
  pipeline.cache.purge();
});

const get = (p, headers = {}) => fetch(base + p, { headers: { "accept-encoding": "identity", ...headers } });

describe("cache", () => {
  test("a public page renders once, then comes from the cache with the same bytes", async () => {
    const first = await get("/zh/news");
    const firstBody = await first.text();
    expect(first.headers.get("x-cache")).toBe("MISS");
    const second = await get("/zh/news");
    expect(second.headers.get("x-cache")).toBe("HIT");
    expect(await second.text()).toBe(firstBody);
    expect(second.headers.get("etag")).toBe(first.headers.get("etag"));
    expect(second.headers.get("x-nextjs-cache")).toBeNull();
  });

  test("If-None-Match → 304; HEAD → headers only, same length", async () => {
    const first = await get("/zh/a");
    const etag = first.headers.get("etag");
    const len = (await first.arrayBuffer()).byteLength;
    const conditional = await get("/zh/a", { "if-none-match": etag });
    expect(conditional.status).toBe(304);
    const head = await fetch(`${base}/zh/a`, { method: "HEAD", headers: { "accept-encoding": "identity" } });
    expect(head.status).toBe(200);
    expect(Number(head.headers.get("content-length"))).toBe(len);
  });

  test("a HEAD miss stores the full body for the next GET", async () => {
    const head = await fetch(`${base}/zh/head-first`, { method: "HEAD" });
    expect(head.headers.get("x-cache")).toBe("MISS");
    const get2 = await get("/zh/head-first");
    expect(get2.headers.get("x-cache")).toBe("HIT");
    expect(await get2.text()).toContain("<p>render");
  });

  test("gzip for clients that accept it, from the same entry", async () => {
    const plain = await (await get("/zh/g")).text();
    const { headers, body } = await new Promise((resolve, reject) => {
      http
        .get(`${base}/zh/g`, { headers: { "accept-encoding": "gzip" } }, (res) => {
          const chunks = [];
          res.on("data", (c) => chunks.push(c));
          res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
        })
        .on("error", reject);
    });
    expect(headers["content-encoding"]).toBe("gzip");
    expect(headers.vary).toMatch(/accept-encoding/i);
    expect(gunzipSync(body).toString()).toBe(plain);
  });

  test("signed-in readers, router fetches and Set-Cookie responses are not cached", async () => {
    await get("/zh/s", { cookie: "newsroom_session=abc" });
    expect((await get("/zh/s", { cookie: "newsroom_session=abc" })).headers.get("x-cache")).toBeNull();
    await get("/zh/cookie");
    expect((await get("/zh/cookie")).headers.get("x-cache")).toBe("MISS");
    expect(pipeline.cache.get("/zh/s")).toBeUndefined();
  });

  test("purge during a request (a publish) also drops what was rendered while it ran", async () => {
    await get("/zh");
    const before = renders;
    const publish = fetch(`${base}/zh/publish`, { method: "POST", redirect: "manual" });
    await new Promise((r) => setTimeout(r, 5));
    await get("/zh"); // rendered while the action was still running: must not stay cached
    await publish;
    expect((await get("/zh")).headers.get("x-cache")).toBe("MISS");
    expect(renders).toBe(before + 2);
  });

  test("an entry never outlives the embargo horizon", async () => {
    horizon = Date.now() + 300;
    await get("/zh/embargo");
    expect((await get("/zh/embargo")).headers.get("x-cache")).toBe("HIT");
    await new Promise((r) => setTimeout(r, 350));
    expect((await get("/zh/embargo")).headers.get("x-cache")).toBe("MISS");
  });
});

describe("errors", () => {
  test("Next fails: a held (even expired) entry is served stale; otherwise a localized 503", async () => {
    horizon = Date.now() + 50;
    await get("/en/held");
    await new Promise((r) => setTimeout(r, 80));
    mode = "down";
    const stale = await get("/en/held");
    expect(stale.status).toBe(200);
    expect(stale.headers.get("x-cache")).toBe("STALE");
    expect(stale.headers.get("warning")).toContain("110");
    const fresh = await get("/en/never-seen");
    expect(fresh.status).toBe(503);
    expect(fresh.headers.get("retry-after")).toBe("30");
    expect(fresh.headers.get("cache-control")).toBe("no-store");
    const html = await fresh.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain("<h1>");
    const api = await get("/api/v1/releases?locale=zh");
    expect(api.status).toBe(503);
    expect(await api.json()).toEqual({ error: { code: "unavailable", message: "database unavailable" } });
    mode = "ok";
    expect((await get("/zh/admin-like-500")).status).toBe(200); // recovered: no sticky state
  });

  test("Next's empty 404 shell is replaced by the rendered not-found page, still 404 and cached", async () => {
    const res = await get("/zh/news/nope");
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).toContain("<h1>zh not found</h1>");
    expect(html).not.toContain("__next_error__");
    const csp = res.headers.get("content-security-policy");
    expect(csp).toContain(`'sha256-${createHash("sha256").update("boot()").digest("base64")}'`);
    expect(csp).not.toContain(createHash("sha256").update("shell()").digest("base64"));
    expect((await get("/zh/news/nope")).headers.get("x-cache")).toBe("HIT");
  });

  test("internal paths are closed to the outside", async () => {
    expect((await get("/api/internal/revalidate")).status).toBe(404);
    expect((await get("/_newsroom/not-found")).status).toBe(404);
    expect((await get("/api/internal/revalidate", { "x-newsroom-internal": "guess" })).status).toBe(404);
  });
});

describe("headers", () => {
  test("every response carries the security headers; HTML a CSP with its scripts' hashes", async () => {
    const res = await get("/zh/h");
    const body = await res.text();
    const inline = /<script>([^<]*)<\/script>/.exec(body)[1];
    expect(res.headers.get("content-security-policy")).toContain(
      `'sha256-${createHash("sha256").update(inline).digest("base64")}'`,
    );
    for (const r of [res, await get("/zh/h"), await get("/api/health"), await get("/_next/static/a.js")]) {
      expect(r.headers.get("x-content-type-options")).toBe("nosniff");
      expect(r.headers.get("x-frame-options")).toBe("DENY");
      expect(r.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
      expect(r.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    }
  });

  test("a page may make the referrer policy stricter (no-referrer), never looser; private pages are never stored", async () => {
    const first = await get("/zh/embargoed/t");
    expect(first.headers.get("referrer-policy")).toBe("no-referrer");
    expect(first.headers.get("x-cache")).toBe("MISS");
    const second = await get("/zh/embargoed/t");
    expect(second.headers.get("x-cache")).toBe("MISS");
    expect(await second.text()).not.toBe(await first.text()); // rendered again, not served from the cache
    expect((await get("/zh/loose-referrer")).headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  });

  test("a route handler's own CSP on a non-HTML response is kept", async () => {
    const res = await get("/media/x", { "accept-encoding": "gzip" });
    expect(res.headers.get("content-security-policy")).toBe("default-src 'none'; sandbox");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  });

  test("static files pass through untouched (Next compresses them itself)", async () => {
    const res = await fetch(`${base}/_next/static/a.js`, { headers: { "accept-encoding": "gzip" } });
    expect(res.headers.get("x-cache")).toBeNull();
    expect(await res.text()).toHaveLength(5000);
  });
});

test("several Set-Cookie headers all reach the client", async () => {
  const res = await get("/zh/cookie");
  expect(res.headers.getSetCookie()).toEqual(["a=1", "b=2"]);
});
