import type { Page } from "@playwright/test";

// Steps through the real admin UI shared by the benchmarks and the two-instance test.

/** Signs in on /admin/login (either UI language) and waits for the dashboard. */
export async function signInAs(page: Page, base: string, email: string, password: string): Promise<void> {
  await page.goto(`${base}/admin/login`);
  await page.getByLabel(/^(邮箱|Email)$/).fill(email);
  await page.getByLabel(/^(密码|Password)$/).fill(password);
  await page.getByRole("button", { name: /^(登录|Sign in)$/ }).click();
  await page.waitForURL(/\/admin$/);
}

/** Publishes (or republishes) the release whose admin page is `releaseUrl`, in the Chinese UI. */
export async function publishFromUi(page: Page, releaseUrl: string): Promise<void> {
  await page.goto(releaseUrl);
  await page.getByRole("button", { name: "发布", exact: true }).click();
  await page.getByRole("button", { name: "确认", exact: true }).click();
  await page.getByText("已发布。", { exact: true }).waitFor();
}
