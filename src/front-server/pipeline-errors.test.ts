import { afterAll, beforeAll, beforeEach, expect, test } from "vitest";
import { startHarness, type Harness } from "./test-support";

// Stale-on-error, the 503 page, the 404 shell replacement and closed internal paths, through a
// real node:http server.

let h: Harness;
beforeAll(async () => (h = await startHarness()));
afterAll(() => h.close());
beforeEach(() => {
  h.fake.mode = "ok";
  h.fake.horizon = undefined;
  h.fake.pipeline.cache.purge();
});

const get = (p: string, headers: Record<string, string> = {}) =>
  fetch(h.base + p, { headers: { "accept-encoding": "identity", ...headers } });

test("Next fails: a held (even expired) entry is served stale; otherwise a localized 503", async () => {
  h.fake.horizon = Date.now() + 1_000;
  expect((await get("/en/held")).headers.get("x-cache")).toBe("MISS");
  expect(h.fake.pipeline.cache.get("/en/held")).toBeDefined();
  await new Promise((r) => setTimeout(r, 1_050)); // expired, still held
  h.fake.mode = "down";
  const stale = await get("/en/held");
  expect(stale.status).toBe(200);
  expect(stale.headers.get("x-cache")).toBe("STALE");
  expect(stale.headers.get("warning")).toContain("110");
  expect(stale.headers.get("x-frame-options")).toBe("DENY");
  const fresh = await get("/en/never-seen");
  expect(fresh.status).toBe(503);
  expect(fresh.headers.get("retry-after")).toBe("30");
  expect(fresh.headers.get("cache-control")).toBe("no-store");
  expect(fresh.headers.get("x-content-type-options")).toBe("nosniff");
  expect(fresh.headers.get("content-security-policy")).toContain("script-src 'self';");
  const html = await fresh.text();
  expect(html).toContain('<html lang="en">');
  expect(html).toContain("<h1>");
  const api = await get("/api/v1/releases?locale=zh");
  expect(api.status).toBe(503);
  expect(await api.json()).toEqual({ error: { code: "unavailable", message: "database unavailable" } });
  h.fake.mode = "ok";
  expect((await get("/zh/admin-like-500")).status).toBe(200); // recovered: no sticky state
});

test("Next's empty 404 shell is replaced by the rendered not-found page, still 404 and cached", async () => {
  const res = await get("/zh/news/nope");
  expect(res.status).toBe(404);
  const html = await res.text();
  expect(html).toContain("<h1>zh not found</h1>");
  expect(html).not.toContain("__next_error__");
  expect(res.headers.get("cache-control")).toBe("public, max-age=0, must-revalidate");
  expect((await get("/zh/news/nope")).headers.get("x-cache")).toBe("HIT");
});

test("internal paths are closed to the outside, with the security headers", async () => {
  for (const headers of [{}, { "x-newsroom-internal": "guess" }] as Record<string, string>[]) {
    const res = await get("/api/internal/revalidate", headers);
    expect(res.status).toBe(404);
    expect(res.headers.get("x-frame-options")).toBe("DENY");
  }
  expect((await get("/_newsroom/not-found")).status).toBe(404);
});
