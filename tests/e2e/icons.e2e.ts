import { expect, test } from "@playwright/test";

// The favicon and web app manifest: no page makes the browser fetch something missing.

for (const path of ["/zh", "/en/news/cnipa-kipo-video-conference", "/admin/login", "/zh/news/no-such-release"]) {
  test(`${path}: icons and manifest are linked and nothing the page loads is missing`, async ({ page }) => {
    const failed: string[] = [];
    const consoleErrors: string[] = [];
    page.on("response", (r) => {
      if (r.status() >= 400 && !r.request().isNavigationRequest()) failed.push(`${r.status()} ${r.url()}`);
    });
    page.on("console", (m) => {
      // The 404 page's own status is expected; anything else logged as an error is not.
      if (m.type() === "error" && !m.location().url.endsWith(path)) consoleErrors.push(m.text());
    });
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    expect(await page.locator('link[rel="icon"]').count()).toBeGreaterThan(0);
    await expect(page.locator('link[rel="manifest"]')).toHaveAttribute("href", "/manifest.webmanifest");
    // Chromium asks for /favicon.ico itself unless a page names an icon it could load.
    expect(failed).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
}

test("the manifest parses and every icon it names is served with its declared size", async ({ request }) => {
  const res = await request.get("/manifest.webmanifest");
  expect(res.status()).toBe(200);
  const manifest = (await res.json()) as {
    name: string;
    start_url: string;
    icons: { src: string; sizes: string; type: string }[];
  };
  expect(manifest.name).toContain("Newsroom");
  expect(manifest.start_url).toBe("/zh");
  expect(manifest.icons.length).toBeGreaterThanOrEqual(3);
  for (const icon of manifest.icons) {
    const file = await request.get(icon.src);
    expect(file.status(), icon.src).toBe(200);
    expect(file.headers()["content-type"]).toContain(icon.type);
    if (icon.type === "image/png") {
      const bytes = await file.body(); // PNG: width and height are big-endian at bytes 16 and 20
      expect(`${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`).toBe(icon.sizes);
    }
  }
  const ico = await request.get("/favicon.ico");
  expect(ico.status()).toBe(200);
  expect([...(await ico.body()).subarray(0, 4)]).toEqual([0, 0, 1, 0]); // ICO header
});
