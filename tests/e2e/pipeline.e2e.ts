import { expect, test, type Page } from "@playwright/test";
import { DEMO, editorReady, openRelease, signedInPage } from "./support";

// The front server's response pipeline (src/front-server), seen from outside: real 404 pages
// without JavaScript, security headers and a CSP that the public site and the admin (tiptap
// editor, server actions, client navigation) run under without a single violation.

const ARTICLE = "/en/news/cnipa-kipo-video-conference";

test.describe("404 pages are server-rendered and localized", () => {
  for (const [path, lang, heading] of [
    ["/zh/news/nope", "zh-CN", "页面不存在"],
    ["/en/news/page/999", "en", "Page not found"],
    ["/zh/category/nope", "zh-CN", "页面不存在"],
    ["/en/archive/1999/13", "en", "Page not found"],
    ["/zh/no/such/page", "zh-CN", "页面不存在"],
  ] as const) {
    test(path, async ({ request }) => {
      for (let i = 0; i < 2; i++) {
        // The second answer comes from the server's cache and must be the same page.
        const res = await request.get(path);
        expect(res.status()).toBe(404);
        const html = await res.text();
        expect(html).not.toContain("__next_error__");
        expect(html).toContain(`<html lang="${lang}"`);
        expect(html).toMatch(new RegExp(`<h1>${heading}</h1>`));
        expect(html).toContain('<meta name="robots" content="noindex"/>');
      }
    });
  }

  test("the 404 page keeps its URL and raises no errors in a browser", async ({ page }) => {
    const errors = watch(page);
    await page.goto("/zh/news/nope");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("页面不存在");
    await page.waitForLoadState("networkidle");
    expect(new URL(page.url()).pathname).toBe("/zh/news/nope");
    expect(errors).toEqual([]);
  });
});

const SECURITY = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "x-frame-options": "DENY",
};

test("security headers on a public page, an admin page, a 404, the API, a feed and a static file", async ({
  request,
}) => {
  const page = await request.get(ARTICLE);
  const html = await page.text();
  const staticJs = /<script src="(\/_next\/static\/[^"]+\.js)"/.exec(html)![1]!;
  for (const path of [
    ARTICLE,
    "/admin/login",
    "/zh/news/nope",
    "/api/v1/releases?locale=zh",
    "/zh/feed.xml",
    "/api/health",
    staticJs,
  ]) {
    const res = await request.get(path);
    const headers = res.headers();
    for (const [name, value] of Object.entries(SECURITY)) expect(headers[name], `${name} on ${path}`).toBe(value);
    expect(headers["permissions-policy"], path).toContain("camera=()");
    const csp = headers["content-security-policy"]!;
    expect(csp, path).toContain("frame-ancestors 'none'");
    expect(csp, path).toContain("object-src 'none'");
    expect(csp, path).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    // Served over plain http, no trusted proxy: no HSTS (docs/SECURITY.md).
    expect(headers["strict-transport-security"], path).toBeUndefined();
  }
  // Every inline script the page runs (Next's own) is allowed by hash, and nothing else: the
  // JSON-LD block is data, which the browser never runs.
  const csp = page.headers()["content-security-policy"]!;
  const scripts = [...html.matchAll(/<script(?![^>]*\ssrc=)([^>]*)>([\s\S]*?)<\/script>/g)];
  const executable = scripts.filter((m) => !/type="application\/ld\+json"/.test(m[1]!)).map((m) => m[2]!);
  expect(executable.length).toBeGreaterThan(2);
  expect(scripts.length - executable.length).toBe(1); // the JSON-LD block
  const { createHash } = await import("node:crypto");
  const hashes = executable.map((text) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`);
  for (const hash of hashes) expect(csp).toContain(hash);
  expect(csp.match(/'sha256-/g)).toHaveLength(new Set(hashes).size);
});

test("public pages are answered from the server's cache, with ETag revalidation", async ({ request }) => {
  await request.get("/zh/news");
  const hit = await request.get("/zh/news");
  expect(hit.headers()["x-cache"]).toBe("HIT");
  const etag = hit.headers()["etag"]!;
  const notModified = await request.get("/zh/news", { headers: { "if-none-match": etag } });
  expect(notModified.status()).toBe(304);
  // Signed-in users and the admin never get cached responses.
  const admin = await request.get("/admin/login");
  expect(admin.headers()["x-cache"]).toBeUndefined();
});

/** Collects CSP violations (DOM events and console reports) and page errors. */
function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (msg) => {
    if (/Content Security Policy|Refused to/i.test(msg.text())) problems.push(`console: ${msg.text()}`);
  });
  page.on("pageerror", (err) => problems.push(`pageerror: ${err.message}`));
  void page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as unknown as { __csp: string[] }).__csp ??= [];
      (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return problems;
}

const violations = (page: Page) => page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);

test("no CSP violation on a public article, on client navigation, or in the admin editor", async ({ browser }) => {
  test.setTimeout(60_000);
  const reader = await (await browser.newContext()).newPage();
  const readerProblems = watch(reader);
  await reader.goto(ARTICLE);
  await expect(reader.getByRole("heading", { level: 1 })).toBeVisible();
  await reader.getByRole("link", { name: /News/ }).first().click(); // client-side navigation
  await reader.waitForLoadState("networkidle");
  expect(await violations(reader)).toEqual([]);
  expect(readerProblems).toEqual([]);

  const editor = await signedInPage(browser, DEMO.editor);
  const editorProblems = watch(editor);
  await editor.goto("/admin");
  await editor.getByRole("link", { name: "稿件", exact: true }).first().click(); // client navigation in the admin
  await editor.waitForLoadState("networkidle");
  await openRelease(editor, "国家知识产权局发布2019年中国专利调查报告");
  await editorReady(editor);
  const body = editor.getByRole("textbox", { name: "正文" });
  await body.click();
  await body.press("End");
  await body.pressSequentially("（CSP）");
  await expect(body).toContainText("（CSP）");
  expect(await violations(editor)).toEqual([]);
  expect(editorProblems).toEqual([]);
});
