import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

// axe-core: no serious or critical violations on the main page types in every edition.
const PATHS = [
  "/news",
  "",
  "/news/cnipa-kipo-video-conference",
  "/archive",
  "/category/press-releases",
  "/search",
  "/subscribe",
  `/subscribe/confirm?token=${"x".repeat(43)}`,
  `/unsubscribe?token=${"x".repeat(43)}`,
]; // the embargoed early-access page: tests/e2e/distribution.e2e.ts

for (const locale of ["zh", "zh-Hant", "en"]) {
  for (const path of PATHS) {
    test(`axe: /${locale}${path}`, async ({ page }) => {
      await page.goto(`/${locale}${path}`);
      const results = await new AxeBuilder({ page }).analyze();
      const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    });
  }
}
