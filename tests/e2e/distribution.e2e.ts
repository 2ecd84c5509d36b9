import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { EMBARGOED_SLUG, embargoToken } from "./distribution-support";
import { DEMO, openRelease, signedInPage } from "./support";

// Distribution in the browser against the production server, mail kept in the local outbox
// (no SMTP_URL): subscribing with double opt-in, publishing to a press list with the recipient
// count, the delivery page, one-click unsubscribe over HTTP, embargoed early access (headers, never
// cached, revocable). docs/DISTRIBUTION.md.

/** The newest outbox message to `to` whose subject contains `subject` (the worker polls every 2 s). */
async function outboxText(page: Page, to: string, subject: string): Promise<{ text: string; source: string }> {
  let href: string | null = null;
  await expect(async () => {
    await page.goto("/admin/mail");
    const row = page.getByRole("row").filter({ hasText: to }).filter({ hasText: subject }).first();
    href = await row.getByRole("link").getAttribute("href", { timeout: 1_000 });
    expect(href).toBeTruthy();
  }).toPass({ timeout: 20_000 });
  await page.goto(href!);
  const text = (await page.locator("pre.mail-text").textContent()) ?? "";
  const source = (await page.locator("pre.mail-source").textContent()) ?? "";
  return { text, source };
}

test("subscribe: typed values survive an error, the answer is neutral, the emailed link confirms only on a button", async ({
  page,
  browser,
}) => {
  await page.goto("/en/subscribe");
  await page.getByLabel("Email address").fill("not an email");
  await page.getByLabel("English", { exact: true }).check();
  await page.getByRole("button", { name: "Subscribe" }).click();
  await expect(page.getByText("Enter a valid email address.")).toBeVisible();
  await expect(page.getByLabel("Email address")).toHaveValue("not an email");
  await expect(page.getByLabel("English", { exact: true })).toBeChecked();

  await page.getByLabel("Email address").fill("e2e.reader@example.org");
  await page.getByRole("button", { name: "Subscribe" }).click();
  await expect(page.getByText(/a confirmation link is on its way/)).toBeVisible();

  const admin = await signedInPage(browser, DEMO.admin);
  const { text } = await outboxText(admin, "e2e.reader@example.org", "Confirm your subscription");
  const link = /http:\/\/[^\s]+\/en\/subscribe\/confirm\?token=[A-Za-z0-9_-]{43}/.exec(text)![0];
  const path = new URL(link).pathname + new URL(link).search;
  const res = await page.request.get(path);
  expect(res.headers()["cache-control"]).toMatch(/no-store/);
  expect(res.headers()["referrer-policy"]).toBe("no-referrer");
  await page.goto(path);
  await page.goto(path); // visiting twice changes nothing: still the button
  await page.getByRole("button", { name: "Confirm my subscription" }).click();
  await expect(page.getByText("Your subscription is confirmed.", { exact: false })).toBeVisible();
  await admin.goto("/admin/distribution");
  await expect(admin.locator("dd").first()).toHaveText(/[1-9]/); // confirmed count
});

test("publishing to a press list: the count, exactly one email each, the delivery page, one-click unsubscribe", async ({
  browser,
  request,
}) => {
  test.setTimeout(90_000);
  const editor = await signedInPage(browser, DEMO.editor);
  const title = "国家知识产权局发布2019年中国专利调查报告";
  const id = await openRelease(editor, title);
  await editor.getByRole("button", { name: "发布", exact: true }).click();
  const group = editor.getByRole("group", { name: "发布" });
  await group.getByLabel(/演示媒体名单/).check();
  await expect(group.getByRole("status").filter({ hasText: /将发送 \d+ 封邮件/ })).toBeVisible();
  const count = Number(/将发送 (\d+) 封邮件/.exec((await group.getByText(/将发送 \d+ 封邮件/).textContent())!)![1]);
  expect(count).toBeGreaterThanOrEqual(2);
  await editor.getByRole("button", { name: "确认" }).click();
  await expect(editor.getByText("已发布。", { exact: true })).toBeVisible();

  await expect(async () => {
    await editor.goto(`/admin/releases/${id}/delivery`);
    await expect(editor.locator('dd[data-state="sent"]')).toHaveText(String(count), { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(editor.locator('dd[data-state="queued"]')).toHaveText("0");
  await expect(editor.getByRole("cell", { name: /reporter\.en@example\.com/ })).toHaveCount(1);

  const { source } = await outboxText(editor, "reporter.en@example.com", "2019 China Patent Survey");
  expect(source).toContain("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
  const token = /\/unsubscribe\?token=([A-Za-z0-9_-]{43})/.exec(source.replace(/=\r?\n/g, ""))![1]!;
  // GET (a link scanner) never unsubscribes; it leads to the page with the button.
  const get = await request.get(`/unsubscribe?token=${token}`, { maxRedirects: 0 });
  expect(get.status()).toBe(303);
  expect(get.headers()["location"]).toBe(`/en/unsubscribe?token=${token}`);
  expect(await (await request.get(`/en/unsubscribe?token=${token}`)).text()).toContain("Press the button");
  // The mail provider's one-click POST, from anywhere, no cookie.
  const post = await request.post(`/unsubscribe?token=${token}`, {
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "https://mail.example" },
    data: "List-Unsubscribe=One-Click",
  });
  expect(post.status()).toBe(200);
  expect(await post.text()).toBe("Unsubscribed\n");
  await editor.goto("/admin/distribution");
  await editor.getByRole("link", { name: /演示媒体名单/ }).click();
  await expect(editor.getByRole("row").filter({ hasText: "reporter.en@example.com" })).toContainText(/退订/);

  // Leave the release as seeded for the other tests.
  await editor.goto(`/admin/releases/${id}`);
  await editor.getByRole("button", { name: "撤回", exact: true }).click();
  await editor.getByRole("button", { name: "确认" }).click();
  await expect(editor.getByText("已撤回，稿件回到草稿状态。", { exact: true })).toBeVisible();
  await editor.getByRole("button", { name: "标记为已翻译", exact: true }).click();
  await editor.getByRole("button", { name: "确认" }).click();
  await expect(editor.getByText("已标记为已翻译。", { exact: true })).toBeVisible();
});

test("embargoed early access: private, never cached, noindex, no referrer, logged, revocable", async ({
  browser,
  request,
  page,
}) => {
  const token = embargoToken("early@example.com");
  const url = `/en/embargoed/${token}`;
  const first = await request.get(url);
  expect(first.status()).toBe(200);
  const headers = first.headers();
  expect(headers["cache-control"]).toMatch(/private/);
  expect(headers["cache-control"]).toMatch(/no-store/);
  expect(headers["referrer-policy"]).toBe("no-referrer");
  expect(headers["x-robots-tag"]).toMatch(/noindex/);
  expect(headers["x-cache"]).not.toBe("HIT");
  const html = await first.text();
  expect(html).toContain("The 10th IP5 Heads of Office");
  expect(html).toMatch(/EMBARGOED until/);
  expect(html).toMatch(/<meta name="robots" content="noindex, nofollow"/);
  expect(html).toMatch(/<meta name="referrer" content="no-referrer"/);
  const second = await request.get(url);
  expect(second.headers()["x-cache"], "never served from the public response cache").not.toBe("HIT");
  // Nothing of it anywhere public: the article itself is still a 404.
  expect((await request.get(`/en/news/${EMBARGOED_SLUG}`)).status()).toBe(404);
  // Another token, a tampered one: 404.
  expect((await request.get(`/en/embargoed/${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`)).status()).toBe(
    404,
  );

  await page.goto(url);
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);

  const editor = await signedInPage(browser, DEMO.editor);
  const id = await openRelease(editor, "第十届五局局长会议将以视频方式举行");
  await editor.goto(`/admin/releases/${id}/delivery`);
  const row = editor.getByRole("row").filter({ hasText: "early@example.com" });
  await expect(row.getByRole("cell").nth(1)).toHaveText(/^[1-9]/); // opened, logged
  await row.getByRole("button", { name: /撤销/ }).click();
  await expect(row).toContainText("已于");
  expect((await request.get(url)).status()).toBe(404);
});
