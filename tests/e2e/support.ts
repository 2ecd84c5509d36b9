import { expect, type APIRequestContext, type Browser, type Page } from "@playwright/test";

/** Set by playwright.config.ts for the test server; there is no default demo password. */
export const DEMO_PASSWORD = process.env.DEMO_PASSWORD!;

export const DEMO = {
  admin: "admin@example.com",
  editor: "editor@example.com",
  translator: "translator@example.com",
} as const;

/** Signs in through the real form. The sign-in page is in Chinese until someone chooses otherwise. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/admin/login");
  await page.getByLabel(/^(邮箱|Email)$/).fill(email);
  await page.getByLabel(/^(密码|Password)$/).fill(password);
  await page.getByRole("button", { name: /^(登录|Sign in)$/ }).click();
  await expect(page).toHaveURL(/\/admin$/);
}

/** A fresh browser context (its own cookies) signed in as `email`. */
export async function signedInPage(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

/** Opens a release from the dashboard by its Chinese title; returns its id. */
export async function openRelease(page: Page, zhTitle: string): Promise<string> {
  await page.goto("/admin");
  await page.getByRole("link", { name: zhTitle, exact: true }).first().click();
  await expect(page).toHaveURL(/\/admin\/releases\/(?!new$)[^/]+$/);
  return page.url().split("/").pop()!;
}

/** The editor's toolbar appears once the page is hydrated; fill controlled fields only after that. */
export async function editorReady(page: Page): Promise<void> {
  await expect(page.getByRole("toolbar").first()).toBeVisible();
}

/** On a release page: clicks a workflow button, confirms (optionally with an embargo time), waits for the result. */
export async function runWorkflowButton(page: Page, button: string, done: string, at?: Date): Promise<void> {
  await page.getByRole("button", { name: button, exact: true }).click();
  if (at) {
    const local = new Date(at.getTime() - at.getTimezoneOffset() * 60_000).toISOString().slice(0, 19);
    await page.getByLabel(/^(定时发布（可选）|Publish at \(optional\))$/).fill(local);
  }
  await page.getByRole("button", { name: /^(确认|Confirm)$/ }).click();
  await expect(page.getByText(done, { exact: true })).toBeVisible();
}

/** The sitemap: the index at /sitemap.xml and the text of every shard it lists, by URL. */
export async function sitemapShards(
  request: APIRequestContext,
): Promise<{ index: string; shards: Map<string, string> }> {
  const index = await (await request.get("/sitemap.xml")).text();
  const shards = new Map<string, string>();
  for (const [, loc] of index.matchAll(/<loc>([^<]+)<\/loc>/g)) {
    const path = new URL(loc!).pathname;
    const res = await request.get(path);
    expect(res.status(), path).toBe(200);
    shards.set(path, await res.text());
  }
  return { index, shards };
}
