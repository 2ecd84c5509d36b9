import { describe, expect, test } from "vitest";
import { BASE_CSP, DEVELOPMENT_CSP, UNCHECKED_INLINE_CSP, contentSecurityPolicy, isCrossSiteWrite } from "./security";

describe("the policy", () => {
  test("never allows inline scripts wholesale once they are checked", () => {
    const csp = contentSecurityPolicy(["'sha256-abc'"]);
    expect(csp).toContain("script-src 'self' 'sha256-abc'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(BASE_CSP).toContain("script-src 'self';");
    for (const d of [
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
      "img-src 'self' data: blob:",
    ]) {
      expect(csp).toContain(d);
    }
  });

  test("where nothing checks inline scripts (next start, next dev) they are allowed, and eval only in dev", () => {
    expect(UNCHECKED_INLINE_CSP).toMatch(/script-src 'self' 'unsafe-inline';/);
    expect(UNCHECKED_INLINE_CSP).not.toContain("unsafe-eval");
    expect(DEVELOPMENT_CSP).toMatch(/script-src 'self' 'unsafe-inline' 'unsafe-eval';/);
  });
});

const write = (
  headers: { origin?: string; host?: string; forwardedHost?: string },
  method = "POST",
  path = "/zh/news",
) => ({
  method,
  path,
  origin: headers.origin ?? null,
  host: headers.host ?? "news.example:3000",
  forwardedHost: headers.forwardedHost ?? null,
});

test.each([
  ["same origin", write({ origin: "http://news.example:3000" }), false],
  ["other site", write({ origin: "https://evil.example" }), true],
  ["other port", write({ origin: "http://news.example:4000" }), true],
  ["null origin", write({ origin: "null" }), true],
  ["behind a proxy", write({ origin: "https://news.agency.gov", forwardedHost: "news.agency.gov" }), false],
  ["no origin", write({}), false],
  ["a DELETE", write({ origin: "https://evil.example" }, "DELETE"), true],
  ["a GET", write({ origin: "https://evil.example" }, "GET"), false],
  ["host in another case", write({ origin: "http://NEWS.example:3000" }), false],
  [
    "a one-click unsubscribe (RFC 8058) from a mail provider",
    write({ origin: "https://mail.example" }, "POST", "/unsubscribe"),
    false,
  ],
  [
    "an action posted to a page named like it",
    write({ origin: "https://evil.example" }, "POST", "/zh/unsubscribe"),
    true,
  ],
])("cross-site write: %s → %s", (_name, request, refused) => {
  expect(isCrossSiteWrite(request)).toBe(refused);
});
