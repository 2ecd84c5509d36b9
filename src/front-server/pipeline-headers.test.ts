import { createHash } from "node:crypto";
import { BASE_CSP } from "@/contract";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { startHarness, type Harness } from "./test-support";

// Headers through a real node:http server: the security headers Next set (next.config.ts) kept on
// every kind of answer, the CSP narrowed to Next's own inline scripts, HSTS, and the internal
// request headers Next sees.

const sha = (s: string) => `'sha256-${createHash("sha256").update(s, "utf8").digest("base64")}'`;
let h: Harness;
beforeAll(async () => (h = await startHarness()));
afterAll(() => h.close());
beforeEach(() => {
  h.fake.inject = "";
  h.fake.pipeline.cache.purge();
});

const get = (base: string, p: string, headers: Record<string, string> = {}) =>
  fetch(base + p, { headers: { "accept-encoding": "identity", ...headers } });

describe("security headers and CSP", () => {
  test("kept on fresh, cached, conditional and passed-through answers", async () => {
    const res = await get(h.base, "/zh/h");
    const etag = res.headers.get("etag")!;
    for (const r of [
      res,
      await get(h.base, "/zh/h"),
      await get(h.base, "/zh/h", { "if-none-match": etag }),
      await get(h.base, "/api/health"),
      await get(h.base, "/_next/static/a.js"),
    ]) {
      expect(r.headers.get("x-content-type-options")).toBe("nosniff");
      expect(r.headers.get("x-frame-options")).toBe("DENY");
      expect(r.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
      expect(r.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    }
  });

  test("HTML: script-src lists exactly the hashes of Next's inline scripts, never 'unsafe-inline'", async () => {
    const res = await get(h.base, "/zh/h");
    const csp = res.headers.get("content-security-policy")!;
    expect(csp).toContain(sha("(self.__next_f=self.__next_f||[]).push([0])"));
    const scriptSrc = csp.split("; ").find((d) => d.startsWith("script-src "))!;
    expect(scriptSrc).toMatch(/^script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+$/);
  });

  test("an injected inline script gets no hash (the browser refuses it) and one warning names the path", async () => {
    h.fake.inject = "<script>alert(document.cookie)</script>";
    const res = await get(h.base, "/zh/injected?x=1");
    const csp = res.headers.get("content-security-policy")!;
    expect(await res.text()).toContain("<script>alert(document.cookie)</script>");
    expect(csp).not.toContain(sha("alert(document.cookie)"));
    expect(csp).toContain(sha("(self.__next_f=self.__next_f||[]).push([0])"));
    const warning = h.warnings.find(([fields]) => (fields as { path?: string }).path === "/zh/injected");
    expect(warning?.[0]).toMatchObject({ path: "/zh/injected", refused: 1, sample: "alert(document.cookie)" });
    expect(JSON.stringify(warning)).not.toContain("x=1"); // the path only, as in the request log
  });

  test("non-HTML answers get the base policy; a route handler's own policy is kept", async () => {
    const api = await get(h.base, "/api/health");
    expect(api.headers.get("content-security-policy")).toBe(BASE_CSP);
    const media = await get(h.base, "/media/x", { "accept-encoding": "gzip" });
    expect(media.headers.get("content-security-policy")).toBe("default-src 'none'; sandbox");
    expect(media.headers.get("x-content-type-options")).toBe("nosniff");
  });

  test("static files pass through untouched (Next compresses them itself)", async () => {
    const res = await fetch(`${h.base}/_next/static/a.js`, { headers: { "accept-encoding": "gzip" } });
    expect(res.headers.get("x-cache")).toBeNull();
    expect(await res.text()).toHaveLength(5000);
  });

  test("no HSTS over plain HTTP without an https SITE_URL", async () => {
    expect((await get(h.base, "/zh/h")).headers.get("strict-transport-security")).toBeNull();
  });
});

describe("what Next is told about the client (issue 11.3)", () => {
  test("the socket's address, not a forged X-Forwarded-For; internal headers from the client are dropped", async () => {
    await get(h.base, "/zh/who", {
      "x-forwarded-for": "203.0.113.9",
      "x-forwarded-proto": "https",
      "x-newsroom-client-ip": "198.51.100.1",
      "x-newsroom-locale": "en",
      "x-newsroom-internal": "guess",
    });
    expect(h.fake.seen["x-newsroom-client-ip"]).toBe("127.0.0.1");
    expect(h.fake.seen["x-newsroom-proto"]).toBe("http");
    expect(h.fake.seen["x-newsroom-locale"]).toBe("zh");
    expect(h.fake.seen["x-newsroom-internal"]).toBeUndefined();
  });

  test("behind a configured proxy (one hop): the address and protocol it forwards; HSTS over HTTPS", async () => {
    const proxied = await startHarness({ trust: { kind: "hops", hops: 1 } });
    try {
      const res = await get(proxied.base, "/zh/who", {
        "x-forwarded-for": "198.51.100.1, 203.0.113.9",
        "x-forwarded-proto": "https",
      });
      expect(proxied.fake.seen["x-newsroom-client-ip"]).toBe("203.0.113.9");
      expect(proxied.fake.seen["x-newsroom-proto"]).toBe("https");
      expect(res.headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
      const hit = await get(proxied.base, "/zh/who", { "x-forwarded-proto": "http" });
      expect(hit.headers.get("x-cache")).toBe("HIT");
      expect(hit.headers.get("strict-transport-security")).toBeNull(); // per request, never stored
    } finally {
      await proxied.close();
    }
  });
});
