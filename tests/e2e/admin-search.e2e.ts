import { expect, test } from "@playwright/test";
import { DEMO, signIn } from "./support";

test("editors search every working copy, drafts included, with highlighted hits", async ({ page }) => {
  await signIn(page, DEMO.editor);
  await page.getByLabel("全文搜索（中英文，含草稿）").fill("座谈会");
  await page.getByRole("button", { name: "搜索", exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/search\?q=/);
  await expect(page.getByRole("status")).toContainText("共找到 1 条结果");
  const hit = page.locator(".search-results li").first();
  await expect(hit.locator("mark").first()).toHaveText("座谈会");
  await expect(hit).toContainText("草稿");

  await page.goto("/admin/search?q=%22%20NEAR%20*%3A");
  await expect(page.getByRole("status")).toBeVisible();
});
