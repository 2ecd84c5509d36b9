import { afterAll, beforeAll, beforeEach, expect, test } from "vitest";
import type { Outcome } from "../exchange";
import { ResponseCache } from "../response-cache";
import { storedResponse } from "../stored-response";
import { withServer } from "../test-support";
import { classify } from "./classify";
import { serveHit } from "./serve-hit";

// A fresh entry answers without Next; an expired one does not; a matching ETag gets a 304.

const cache = new ResponseCache();
let server: Awaited<ReturnType<typeof withServer>>;
beforeAll(async () => {
  server = await withServer((req, res) => {
    const outcome: Outcome = {};
    if (serveHit(classify(req, res, { isInternal: () => false, trust: { kind: "none" } }), cache, Date.now(), outcome))
      return;
    res.end("to Next");
  });
});
afterAll(() => server.close());
beforeEach(() => cache.purge());

const put = (key: string, expiresAt: number) =>
  cache.set(key, {
    response: storedResponse(
      {
        status: 200,
        headers: [["Content-Type", "text/html"]],
        body: Buffer.from(`<p>${key}</p>`.repeat(200)),
        etag: '"v1"',
      },
      { gzip: true },
    ),
    expiresAt,
    tags: new Set(),
  });

test("fresh: served from the cache, marked HIT", async () => {
  put("/zh/a", Date.now() + 60_000);
  const res = await fetch(`${server.base}/zh/a`, { headers: { "accept-encoding": "identity" } });
  expect(res.headers.get("x-cache")).toBe("HIT");
  expect(await res.text()).toContain("<p>/zh/a</p>");
});

test("expired, signed in, or not in the cache: on to Next", async () => {
  put("/zh/old", Date.now() - 1);
  put("/zh/a", Date.now() + 60_000);
  expect(await (await fetch(`${server.base}/zh/old`)).text()).toBe("to Next");
  expect(await (await fetch(`${server.base}/zh/a`, { headers: { cookie: "newsroom_session=t" } })).text()).toBe(
    "to Next",
  );
  expect(await (await fetch(`${server.base}/zh/none`)).text()).toBe("to Next");
});

test("If-None-Match with the entry's ETag: 304 without a body", async () => {
  put("/zh/a", Date.now() + 60_000);
  const res = await fetch(`${server.base}/zh/a`, { headers: { "if-none-match": 'W/"v1", "other"' } });
  expect(res.status).toBe(304);
  expect(res.headers.get("etag")).toBe('"v1"');
});
