import { AsyncLocalStorage } from "node:async_hooks";
import type { IncomingMessage, ServerResponse } from "node:http";
import { afterAll, beforeAll, expect, test } from "vitest";
import { BASE_CSP, UNCHECKED_INLINE_CSP } from "@/contract";
import type { RequestScope } from "../exchange";
import { withServer } from "../test-support";
import { classify } from "./classify";
import { render, type NextHandler, type RenderResult } from "./render";

// Next's answer held back (or passed through) on a real node:http response.

const als = new AsyncLocalStorage<RequestScope>();
let next: NextHandler;
let last: { result: RenderResult | undefined; scopeSeen: boolean };
let server: Awaited<ReturnType<typeof withServer>>;
beforeAll(async () => {
  server = await withServer(async (req: IncomingMessage, res: ServerResponse) => {
    const ex = classify(req, res, { isInternal: () => false, trust: { kind: "none" } });
    const scope: RequestScope = {
      path: "/zh",
      generation: 0,
      horizon: undefined,
      pendingPurge: undefined,
      tags: new Set(),
    };
    last = { result: undefined, scopeSeen: false };
    const result = await render(ex, (rq, rs) => next(rq, rs), scope, als);
    last.result = result;
    if (result.rendered) {
      result.capture.release();
      res.end(`held ${result.rendered.status} ${result.rendered.body.length}`);
    }
    await result.handled;
  });
});
afterAll(() => server.close());

test("HTML is held whole (written in pieces, as React streams), in the request's scope", async () => {
  next = async (_req, res) => {
    last.scopeSeen = als.getStore() !== undefined;
    res.setHeader("Content-Type", "text/html");
    res.setHeader("Cache-Control", "s-maxage=60, stale-while-revalidate=5");
    res.setHeader("x-nextjs-cache", "MISS");
    res.write("<p>");
    await new Promise((r) => setImmediate(r));
    res.end("x</p>");
  };
  expect(await (await fetch(`${server.base}/admin/x`)).text()).toBe("held 200 8");
  expect(last.scopeSeen).toBe(true);
  expect(last.result!.rendered!.facts).toEqual({
    cacheControl: "s-maxage=60, stale-while-revalidate=5",
    nextCache: "MISS",
    etag: undefined,
    setsCookie: false,
  });
  // What browsers will see: no shared-cache lifetime.
  expect(last.result!.rendered!.headers).toContainEqual(["cache-control", "public, max-age=0, must-revalidate"]);
});

test("a JSON answer nobody caches or compresses passes straight through, its headers made right", async () => {
  next = (_req, res) => {
    res.writeHead(200, {
      "Content-Type": "application/json",
      "Content-Security-Policy": UNCHECKED_INLINE_CSP,
      "Cache-Control": "s-maxage=5",
    });
    res.end("{}");
    return Promise.resolve();
  };
  const res = await fetch(`${server.base}/admin/data`, { headers: { "accept-encoding": "identity" } });
  expect(await res.text()).toBe("{}");
  expect(last.result!.rendered).toBeNull();
  expect(res.headers.get("content-security-policy")).toBe(BASE_CSP);
  expect(res.headers.get("cache-control")).toBe("public, max-age=0, must-revalidate");
});

test("server-sent events are never held", async () => {
  next = (_req, res) => {
    res.writeHead(200, { "Content-Type": "text/event-stream" });
    res.end("data: 1\n\n");
    return Promise.resolve();
  };
  expect(await (await fetch(`${server.base}/admin/events`, { headers: { "accept-encoding": "gzip" } })).text()).toBe(
    "data: 1\n\n",
  );
});

test("Next returns without ending a held answer (client gone): nothing to send", async () => {
  next = (_req, res) => {
    res.setHeader("Content-Type", "text/html");
    res.write("<p>");
    return Promise.resolve();
  };
  const res = fetch(`${server.base}/admin/gone`, { signal: AbortSignal.timeout(500) }).catch(() => "aborted");
  expect(await res).toBe("aborted");
  expect(last.result!.rendered).toBeNull();
});
