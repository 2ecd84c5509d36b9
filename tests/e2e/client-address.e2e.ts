import { createHmac } from "node:crypto";
import Database from "better-sqlite3";
import { expect, test, type Browser } from "@playwright/test";
import { DEMO, DEMO_PASSWORD } from "./support";
import { E2E_DB, spawnApp } from "./spawned";

// Issues 11.3 and 11.15: the client's address comes from the socket unless TRUSTED_PROXY says
// which proxy may speak for it; session cookies are Secure (and HSTS is sent) whenever the
// request came over HTTPS, as that proxy reports it.

async function failSignIn(browser: Browser, base: string, email: string, headers: Record<string, string>) {
  const context = await browser.newContext({ extraHTTPHeaders: headers });
  const page = await context.newPage();
  await page.goto(`${base}/admin/login`);
  await page.getByLabel(/^(邮箱|Email)$/).fill(email);
  await page.getByLabel(/^(密码|Password)$/).fill("not-the-password");
  await page.getByRole("button", { name: /^(登录|Sign in)$/ }).click();
  await expect(page.getByRole("status")).toContainText("邮箱或密码不正确。");
  await context.close();
}

test("a forged X-Forwarded-For is ignored: the audit log and the throttle see the socket's address", async ({
  browser,
  baseURL,
}) => {
  const email = `forged-${Date.now()}@example.com`;
  await failSignIn(browser, baseURL!, email, { "X-Forwarded-For": "203.0.113.77", "X-Real-IP": "203.0.113.78" });
  const db = new Database(E2E_DB, { readonly: true, fileMustExist: true });
  try {
    // The suite runs one test at a time: the latest failed sign-in is this one.
    const latest = db
      .prepare("SELECT ip FROM AuditEvent WHERE action = 'auth.sign_in_failed' ORDER BY createdAt DESC LIMIT 1")
      .get() as { ip: string | null };
    expect(latest.ip).toBe("127.0.0.1");
    // Throttle keys are HMACs of the client's address (src/server/auth/throttle.ts): compute them.
    const secret = db.prepare(`SELECT value FROM ServerSecret WHERE name = 'throttle'`).get() as { value: string };
    const clientKey = (ip: string) =>
      `client:${createHmac("sha256", Buffer.from(secret.value, "base64")).update(`client\n${ip}`).digest("base64url").slice(0, 32)}`;
    const counted = (ip: string) =>
      (db.prepare("SELECT count(*) AS n FROM AuthThrottle WHERE key = ?").get(clientKey(ip)) as { n: number }).n;
    expect(counted("127.0.0.1")).toBe(1);
    expect(counted("203.0.113.77") + counted("203.0.113.78")).toBe(0);
  } finally {
    db.close();
  }
});

test("behind a trusted proxy: its X-Forwarded-For and -Proto count; Secure cookie and HSTS over HTTPS only", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const app = await spawnApp("trusted-proxy", () => ["node", ".next/front-server/main.mjs"], {
    NODE_ENV: "production",
    TRUSTED_PROXY: "loopback",
  });
  try {
    expect(app.logs().find((l) => String(l.msg).startsWith("secure per request"))).toMatchObject({
      level: "info",
      trustedProxy: "ranges",
    });
    const signIn = async (proto: string) => {
      const context = await browser.newContext({
        extraHTTPHeaders: { "X-Forwarded-For": "198.51.100.23", "X-Forwarded-Proto": proto },
      });
      const page = await context.newPage();
      await page.goto(`${app.base}/admin/login`);
      await page.getByLabel(/^(邮箱|Email)$/).fill(DEMO.editor);
      await page.getByLabel(/^(密码|Password)$/).fill(DEMO_PASSWORD);
      const [post] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/admin/login")),
        page.getByRole("button", { name: /^(登录|Sign in)$/ }).click(),
      ]);
      const headers = await post.allHeaders();
      await context.close();
      return { cookie: headers["set-cookie"] ?? "", hsts: headers["strict-transport-security"] };
    };
    const https = await signIn("https");
    expect(https.cookie).toMatch(/newsroom_session=[^;]+;.*\bSecure\b/i);
    expect(https.hsts).toBe("max-age=31536000; includeSubDomains");
    const http = await signIn("http");
    expect(http.cookie).toContain("newsroom_session=");
    expect(http.cookie).not.toMatch(/\bSecure\b/i);
    expect(http.hsts).toBeUndefined();
  } finally {
    await app.stop();
  }
});
