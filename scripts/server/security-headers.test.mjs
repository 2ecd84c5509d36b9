import { createHash } from "node:crypto";
import { describe, expect, test } from "vitest";
import { isNextErrorShell, unavailablePage } from "./pages.mjs";
import { baseSecurityHeaders, contentSecurityPolicy, inlineScriptHashes } from "./security-headers.mjs";

const sha = (s) => `'sha256-${createHash("sha256").update(s, "utf8").digest("base64")}'`;

describe("inlineScriptHashes", () => {
  test("hashes inline scripts exactly (UTF-8 text between the tags), skips src, dedupes", () => {
    const html =
      '<html><head><script src="/a.js" async=""></script><script>self.__next_f=[]</script></head>' +
      '<body><script type="application/ld+json">{"headline":"中文 <\\/script>"}</script>' +
      "<script>self.__next_f=[]</script><SCRIPT nonce=x>\n$RC('B:0')\n</SCRIPT></body></html>";
    expect(inlineScriptHashes(html)).toEqual([
      sha("self.__next_f=[]"),
      sha('{"headline":"中文 <\\/script>"}'),
      sha("\n$RC('B:0')\n"),
    ]);
  });

  test("no inline scripts, no hashes", () => {
    expect(inlineScriptHashes('<p>x</p><script src="/x.js"></script>')).toEqual([]);
  });
});

test("the policy never allows inline scripts wholesale", () => {
  const csp = contentSecurityPolicy(["'sha256-abc'"]);
  expect(csp).toContain("script-src 'self' 'sha256-abc'");
  expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
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

test("HSTS only for a production site on https", () => {
  const names = (o) => baseSecurityHeaders(o).map(([n]) => n);
  expect(names({ https: true })).toContain("Strict-Transport-Security");
  expect(names({ https: false })).not.toContain("Strict-Transport-Security");
  expect(names({ https: true, production: false })).not.toContain("Strict-Transport-Security");
  expect(names({})).toEqual(
    expect.arrayContaining(["X-Content-Type-Options", "Referrer-Policy", "X-Frame-Options", "Permissions-Policy"]),
  );
});

test("Next's empty error shell is recognised, a real page is not", () => {
  expect(isNextErrorShell('<!DOCTYPE html><html id="__next_error__"><head>')).toBe(true);
  expect(isNextErrorShell('<!DOCTYPE html><html lang="zh-CN"><body>__next_error__</body>')).toBe(false);
});

test("the 503 page speaks the request's language, or both", () => {
  const strings = {
    zh: { errorTitle: "服务暂时不可用", errorBody: "请稍后再试。", backHome: "返回首页" },
    en: { errorTitle: "Service unavailable", errorBody: "Try <later>.", backHome: "Home" },
  };
  const zh = unavailablePage(strings, "zh");
  expect(zh).toContain('<html lang="zh-CN">');
  expect(zh).toContain("<h1>服务暂时不可用</h1>");
  expect(zh).not.toContain("Service unavailable");
  expect(unavailablePage(strings, "en")).toContain("Try &#60;later&#62;.");
  const both = unavailablePage(strings, undefined);
  expect(both).toContain("服务暂时不可用");
  expect(both).toContain("Service unavailable");
  expect(both).not.toContain("<script");
});
