import http from "node:http";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { startHarness, type Harness } from "./test-support";

// The response cache seen through a real node:http server (the pipeline around a fake Next).

let h: Harness;
beforeAll(async () => (h = await startHarness()));
afterAll(() => h.close());
beforeEach(() => {
  h.fake.mode = "ok";
  h.fake.horizon = undefined;
  h.fake.pipeline.cache.purge();
});

const within = async (ok: () => boolean) => {
  while (!ok()) await new Promise((r) => setTimeout(r, 5));
};
const get = (p: string, headers: Record<string, string> = {}) =>
  fetch(h.base + p, { headers: { "accept-encoding": "identity", ...headers } });

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
    const etag = first.headers.get("etag")!;
    const len = (await first.arrayBuffer()).byteLength;
    const conditional = await get("/zh/a", { "if-none-match": etag });
    expect(conditional.status).toBe(304);
    expect(conditional.headers.get("etag")).toBe(etag);
    expect(conditional.headers.get("x-content-type-options")).toBe("nosniff");
    const head = await fetch(`${h.base}/zh/a`, { method: "HEAD", headers: { "accept-encoding": "identity" } });
    expect(head.status).toBe(200);
    expect(Number(head.headers.get("content-length"))).toBe(len);
  });

  test("a HEAD miss stores the full body for the next GET", async () => {
    const head = await fetch(`${h.base}/zh/head-first`, { method: "HEAD" });
    expect(head.headers.get("x-cache")).toBe("MISS");
    const again = await get("/zh/head-first");
    expect(again.headers.get("x-cache")).toBe("HIT");
    expect(await again.text()).toContain("<p>render");
  });

  test("gzip for clients that accept it, from the same entry", async () => {
    const plain = await (await get("/zh/g")).text();
    const { headers, body } = await new Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }>(
      (resolve, reject) => {
        http
          .get(`${h.base}/zh/g`, { headers: { "accept-encoding": "gzip" } }, (res) => {
            const chunks: Buffer[] = [];
            res.on("data", (c: Buffer) => chunks.push(c));
            res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
          })
          .on("error", reject);
      },
    );
    expect(headers["x-cache"]).toBe("HIT");
    expect(headers["content-encoding"]).toBe("gzip");
    expect(headers.vary).toMatch(/accept-encoding/i);
    expect(gunzipSync(body).toString()).toBe(plain);
  });

  test("signed-in readers, router fetches and Set-Cookie responses are not cached", async () => {
    await get("/zh/s", { cookie: "newsroom_session=abc" });
    expect((await get("/zh/s", { cookie: "newsroom_session=abc" })).headers.get("x-cache")).toBeNull();
    await get("/zh/cookie");
    expect((await get("/zh/cookie")).headers.get("x-cache")).toBe("MISS");
    expect(h.fake.pipeline.cache.get("/zh/s")).toBeUndefined();
  });

  test("purge during a request (a publish) also drops what was rendered while it ran", async () => {
    await get("/zh");
    const before = h.fake.renders;
    const publish = fetch(`${h.base}/zh/publish`, { method: "POST", redirect: "manual" });
    await within(() => h.fake.publishing !== undefined);
    await h.fake.publishing!.purged;
    // Rendered while the action is still running (Next applies revalidateTag at its end): not kept.
    expect((await get("/zh")).headers.get("x-cache")).toBe("MISS");
    h.fake.publishing!.finish();
    await publish;
    expect((await get("/zh")).headers.get("x-cache")).toBe("MISS");
    expect(h.fake.renders).toBe(before + 2);
    h.fake.publishing = undefined;
  });

  test("a dynamic page (the search page) is kept only when the app allows it, and purged by its tags", async () => {
    const x = (r: Response) => r.headers.get("x-cache");
    await get("/zh/search?q=a&dynamic=1&tag=public:list:zh");
    expect(x(await get("/zh/search?q=a&dynamic=1&tag=public:list:zh"))).toBe("MISS"); // Next said no-store
    h.fake.horizon = Infinity;
    const path = "/zh/search?q=b&dynamic=1&storable=1&tag=public:list:zh";
    const first = await get(path);
    expect(first.headers.get("cache-control")).toMatch(/no-store/); // browsers and CDNs still may not keep it
    expect(x(await get(path))).toBe("HIT");
    h.fake.pipeline.bridge.purge({ broadcast: false, tags: ["public:list:en"] });
    expect(x(await get(path))).toBe("HIT");
    h.fake.pipeline.bridge.purge({ broadcast: false, tags: ["public:list:zh"] });
    expect(x(await get(path))).toBe("MISS");
    // Without a known horizon it is not kept (an embargo could end while it is held).
    h.fake.horizon = undefined;
    h.fake.pipeline.cache.purge(); // (forgets the horizon known for the generation)
    await get("/zh/search?q=c&dynamic=1&storable=1&tag=public:list:zh");
    expect(x(await get("/zh/search?q=c&dynamic=1&storable=1&tag=public:list:zh"))).toBe("MISS");
  });

  test("the app can ask whether the next embargo end is known (so the search page need not read it)", () => {
    const { bridge, cache } = h.fake.pipeline;
    cache.purge();
    expect(bridge.horizonKnown()).toBe(false); // a purge forgets it
    cache.noteHorizon(Date.now() + 60_000);
    expect(bridge.horizonKnown()).toBe(true);
    cache.noteHorizon(Date.now() - 1); // passed: must be read again
    expect(bridge.horizonKnown()).toBe(false);
    cache.noteHorizon(Infinity);
    expect(bridge.horizonKnown()).toBe(true);
  });

  test("an entry never outlives the embargo horizon", async () => {
    h.fake.horizon = Date.now() + 1_000;
    await get("/zh/embargo");
    expect((await get("/zh/embargo")).headers.get("x-cache")).toBe("HIT");
    await new Promise((r) => setTimeout(r, 1_050));
    expect((await get("/zh/embargo")).headers.get("x-cache")).toBe("MISS");
  });

  test("several Set-Cookie headers all reach the client", async () => {
    const res = await get("/zh/cookie");
    expect(res.headers.getSetCookie()).toEqual(["a=1", "b=2"]);
  });
});

describe("Cache-Control (issue 11.12): nothing that a shared cache could keep after a withdrawal", () => {
  test("public pages say 'revalidate every time' whether rendered or served from the cache", async () => {
    for (const state of ["MISS", "HIT"]) {
      const res = await get("/zh/cc");
      expect(res.headers.get("x-cache")).toBe(state);
      expect(res.headers.get("cache-control")).toBe("public, max-age=0, must-revalidate");
      expect(res.headers.get("etag")).toBeTruthy();
    }
    // … while the server itself still keeps the page for Next's declared lifetime.
    const entry = h.fake.pipeline.cache.get("/zh/cc")!;
    expect(entry.expiresAt - Date.now()).toBeGreaterThan(3_500_000);
  });

  test("also on responses passed through without buffering (RSC payloads, no gzip)", async () => {
    const res = await get("/zh/rsc?_rsc=1");
    expect(res.headers.get("cache-control")).toBe("public, max-age=0, must-revalidate");
  });
});
