import { expect, test } from "@playwright/test";
import { spawnApp, type Spawned } from "./spawned";

// Dev is prod: what Next can apply in every mode lives in Next (src/proxy.ts, next.config.ts), so
// `next start` without the front server already has the security headers, the cross-site write
// check and no image optimizer, and the site works under its CSP.

let app: Spawned;
test.beforeAll(async () => {
  test.setTimeout(90_000);
  app = await spawnApp(
    "next-start",
    (port) => ["npx", "--no-install", "next", "start", "-p", String(port), "-H", "127.0.0.1"],
    {
      NODE_ENV: "production",
    },
  );
});
test.afterAll(() => app?.stop());

const ARTICLE = "/en/news/cnipa-kipo-video-conference";

test("security headers and a CSP on pages, the API, feeds and build files", async () => {
  const html = await (await fetch(app.base + ARTICLE)).text();
  const staticJs = /<script src="(\/_next\/static\/[^"]+\.js)"/.exec(html)![1]!;
  for (const path of [ARTICLE, "/admin/login", "/api/v1/releases?locale=zh", "/zh/feed.xml", "/api/health", staticJs]) {
    const res = await fetch(app.base + path);
    expect(res.headers.get("x-cache"), path).toBeNull(); // no front server here
    expect(res.headers.get("x-content-type-options"), path).toBe("nosniff");
    expect(res.headers.get("x-frame-options"), path).toBe("DENY");
    expect(res.headers.get("referrer-policy"), path).toBe("strict-origin-when-cross-origin");
    expect(res.headers.get("permissions-policy"), path).toContain("camera=()");
    const csp = res.headers.get("content-security-policy")!;
    for (const d of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"])
      expect(csp, path).toContain(d);
  }
});

test("a cross-site write is refused with 403 before any action runs; the same post from the site is not", async () => {
  const foreign = await fetch(`${app.base}/admin/login`, {
    method: "POST",
    headers: { Origin: "https://evil.example" },
    redirect: "manual",
  });
  expect(foreign.status).toBe(403);
  expect(await foreign.text()).toBe("Forbidden: cross-site request");
  const upload = await fetch(`${app.base}/api/media`, { method: "POST", headers: { Origin: "https://evil.example" } });
  expect(upload.status).toBe(403);
  const own = await fetch(`${app.base}/admin/login`, {
    method: "POST",
    headers: { Origin: app.base },
    redirect: "manual",
  });
  expect(own.status).not.toBe(403);
});

test("the image optimizer is off: 404 at once", async () => {
  const res = await fetch(
    `${app.base}/_next/image?url=${encodeURIComponent("/media/0123456789abcdef01234567/original.jpg")}&w=640&q=75`,
  );
  expect(res.status).toBe(404);
});

test("the public site and the sign-in page hydrate under the policy without a violation", async ({ page }) => {
  const problems: string[] = [];
  page.on("console", (msg) => {
    if (/Content Security Policy|Refused to/i.test(msg.text())) problems.push(msg.text());
  });
  page.on("pageerror", (err) => problems.push(err.message));
  await page.goto(app.base + ARTICLE);
  await page.evaluate(() => ((window as unknown as { __marker: number }).__marker = 1));
  await page.getByRole("link", { name: "News", exact: true }).click(); // client-side navigation: hydrated
  await page.waitForURL(/\/en\/news$/);
  expect(await page.evaluate(() => (window as unknown as { __marker?: number }).__marker)).toBe(1);
  await page.goto(`${app.base}/admin/login`);
  await expect(page.getByRole("button", { name: /^(登录|Sign in)$/ })).toBeVisible();
  expect(problems).toEqual([]);
});
