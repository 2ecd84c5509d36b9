import { afterAll, beforeAll, expect, test } from "vitest";
import { withServer } from "../test-support";
import { classify } from "./classify";
import { forwardToNext } from "./forward";

// The request as Next sees it, after the one stage that rewrites it.

let server: Awaited<ReturnType<typeof withServer>>;
beforeAll(async () => {
  server = await withServer((req, res) => {
    forwardToNext(classify(req, res, { isInternal: (t) => t === "secret", trust: { kind: "none" } }));
    res.setHeader("x-method", req.method ?? "");
    res.end(JSON.stringify(req.headers));
  });
});
afterAll(() => server.close());

const seen = async (path: string, headers: Record<string, string> = {}, method = "GET") => {
  const res = await fetch(server.base + path, { method, headers });
  return {
    method: res.headers.get("x-method"),
    headers: method === "HEAD" ? {} : ((await res.json()) as Record<string, string>),
  };
};

test("internal headers say what the front server decided, whatever the client sent", async () => {
  const { headers } = await seen("/en/news", {
    "x-newsroom-internal": "guess",
    "x-newsroom-locale": "zh",
    "x-newsroom-client-ip": "198.51.100.7",
    "x-newsroom-proto": "https",
  });
  expect(headers["x-newsroom-internal"]).toBeUndefined();
  expect(headers["x-newsroom-locale"]).toBe("en");
  expect(headers["x-newsroom-client-ip"]).toBe("127.0.0.1");
  expect(headers["x-newsroom-proto"]).toBe("http");
  const admin = (await seen("/admin", { "x-newsroom-locale": "zh" })).headers;
  expect(admin["x-newsroom-locale"]).toBeUndefined();
});

test("the front server's own request keeps its secret and the language it names", async () => {
  const { headers } = await seen("/_newsroom/not-found", {
    "x-newsroom-internal": "secret",
    "x-newsroom-locale": "en",
  });
  expect(headers["x-newsroom-internal"]).toBe("secret");
  expect(headers["x-newsroom-locale"]).toBe("en");
});

test("no Accept-Encoding for Next, except on build files; cacheable requests lose their conditions", async () => {
  const page = (await seen("/zh/news", { "accept-encoding": "gzip", "if-none-match": '"a"', "if-modified-since": "x" }))
    .headers;
  expect(page["accept-encoding"]).toBeUndefined();
  expect(page["if-none-match"]).toBeUndefined();
  expect(page["if-modified-since"]).toBeUndefined();
  expect((await seen("/_next/static/x.js", { "accept-encoding": "gzip" })).headers["accept-encoding"]).toBe("gzip");
  const signedIn = (await seen("/zh/news", { cookie: "newsroom_session=t", "if-none-match": '"a"' })).headers;
  expect(signedIn["if-none-match"]).toBe('"a"');
});

test("a cacheable HEAD reaches Next as a GET (its body is stored)", async () => {
  expect((await seen("/zh/news", {}, "HEAD")).method).toBe("GET");
  expect((await seen("/admin", {}, "HEAD")).method).toBe("HEAD");
});
