import { expect, test } from "@playwright/test";
import { spawnApp, type Spawned } from "./spawned";

// Issue 11.6: the CSP allows only the inline scripts Next itself writes. The real front server
// and app run here with one change (tests/support/injecting-front-server.ts): every HTML answer
// carries an inline script the app never wrote. The browser must refuse it, the page must still
// hydrate, and the server must say once which page carried it.

let app: Spawned;
test.beforeAll(async () => {
  test.setTimeout(90_000);
  app = await spawnApp(
    "csp-injection",
    () => ["npx", "--no-install", "tsx", "tests/support/injecting-front-server.ts"],
    {
      NODE_ENV: "production",
    },
  );
});
test.afterAll(() => app?.stop());

test("an injected inline script is refused by the browser while the page hydrates", async ({ page }) => {
  await page.addInitScript(() => {
    (window as unknown as { __violations: string[] }).__violations = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      (window as unknown as { __violations: string[] }).__violations.push(`${e.effectiveDirective} ${e.blockedURI}`),
    );
  });
  const response = await page.goto(`${app.base}/en/news/cnipa-kipo-video-conference`);
  expect(await response!.text()).toContain("<script>window.__injected = true;</script>"); // it is in the page
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
  expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toContain(
    "script-src-elem inline",
  );

  // Hydrated: a client-side navigation keeps the window (a full load would not).
  await page.evaluate(() => ((window as unknown as { __marker: number }).__marker = 1));
  await page.getByRole("link", { name: "News", exact: true }).click();
  await page.waitForURL(/\/en\/news$/);
  expect(await page.evaluate(() => (window as unknown as { __marker?: number }).__marker)).toBe(1);

  const warnings = app.logs().filter((l) => l.msg === "CSP: inline script not recognised as Next's, refused");
  expect(warnings.find((w) => w.path === "/en/news/cnipa-kipo-video-conference")).toMatchObject({
    level: "warn",
    refused: 1,
    sample: "window.__injected = true;",
  });
});
