import { afterAll, beforeAll, expect, test } from "vitest";
import type { TrustedProxy } from "@/domain/net/trusted-proxy";
import { withServer } from "../test-support";
import { classify } from "./classify";

// classify reads a real request (node:http) and decides; it changes nothing.

let server: Awaited<ReturnType<typeof withServer>>;
let trust: TrustedProxy = { kind: "none" };
beforeAll(async () => {
  server = await withServer((req, res) => {
    const before = JSON.stringify(req.headers);
    const { req: _req, res: _res, ...ex } = classify(req, res, { isInternal: (t) => t === "secret", trust });
    res.end(JSON.stringify({ ...ex, unchanged: JSON.stringify(req.headers) === before }));
  });
});
afterAll(() => server.close());

const classified = async (path: string, headers: Record<string, string> = {}, method = "GET") =>
  (await fetch(server.base + path, { method, headers })).json();

test("a public page for an anonymous reader: cacheable, with its locale", async () => {
  expect(await classified("/en/news?b=2&a=1", { "accept-encoding": "gzip, br", "if-none-match": '"x"' })).toMatchObject(
    {
      method: "GET",
      path: "/en/news",
      locale: "en",
      internal: false,
      key: "/en/news?a=1&b=2",
      gzipOk: true,
      ifNoneMatch: '"x"',
      client: { ip: "127.0.0.1", https: false },
      unchanged: true,
    },
  );
});

test("signed in, a write, the admin: not cacheable", async () => {
  expect((await classified("/zh", { cookie: "newsroom_session=t" })).key).toBeNull();
  expect((await classified("/zh", {}, "POST")).key).toBeNull();
  const admin = await classified("/admin");
  expect(admin.key).toBeNull();
  expect(admin.locale).toBeUndefined();
});

test("the front server's own requests are recognised by the secret only", async () => {
  expect((await classified("/_newsroom/not-found", { "x-newsroom-internal": "secret" })).internal).toBe(true);
  expect((await classified("/_newsroom/not-found", { "x-newsroom-internal": "guess" })).internal).toBe(false);
});

test("X-Forwarded-For and -Proto count only with a trusted proxy", async () => {
  const forged = { "x-forwarded-for": "203.0.113.9", "x-forwarded-proto": "https" };
  trust = { kind: "none" };
  expect((await classified("/zh", forged)).client).toEqual({ ip: "127.0.0.1", https: false });
  trust = { kind: "hops", hops: 1 };
  expect((await classified("/zh", forged)).client).toEqual({ ip: "203.0.113.9", https: true });
});
