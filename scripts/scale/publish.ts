// Publish-to-visible under read load for `npm run bench:scale`: while autocannon readers (in a
// child process) load public pages, an editor in chromium publishes and withdraws a release
// through the real admin UI (the server actions), and an anonymous reader polls the article until
// it answers 200 (published) or 404 (withdrawn). Times run from the click on 确认.
import { fork } from "node:child_process";
import { chromium, type Page } from "@playwright/test";
import { CHROMIUM } from "../lib/chromium";
import { EDITOR, PROBE_SLUG } from "./archive";
import { stats, type Stats } from "./measure";

export interface PublishResult {
  publish: Stats;
  withdraw: Stats;
  readers: { requests: number; perSecond: number; non2xx: number; p99: number };
}

async function until(base: string, path: string, status: number, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const res = await fetch(base + path, { redirect: "manual" });
    await res.arrayBuffer();
    if (res.status === status) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`${path} did not answer ${status} within ${timeoutMs} ms`);
}

async function click(page: Page, button: string, done: string): Promise<number> {
  await page.getByRole("button", { name: button, exact: true }).click();
  const started = performance.now();
  await page.getByRole("button", { name: /^(确认|Confirm)$/ }).click();
  await page.getByText(done, { exact: true }).waitFor({ timeout: 60_000 });
  return started;
}

/** Readers in their own process: their load must not share the measuring process's event loop. */
function startReaders(base: string, paths: string[], connections: number) {
  const child = fork(new URL("./readers.ts", import.meta.url).pathname, [base, String(connections), ...paths], {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const result = new Promise<PublishResult["readers"]>((resolve, reject) => {
    child.once("message", (m) => resolve(m as PublishResult["readers"]));
    child.once("exit", (code) => code && reject(new Error(`readers exited with ${code}`)));
  });
  return { stop: () => child.send("stop"), result };
}

export async function publishToVisible(base: string, readerPaths: string[], cycles: number): Promise<PublishResult> {
  const browser = await chromium.launch(CHROMIUM);
  const readers = startReaders(base, readerPaths, 10);
  const publish: number[] = [];
  const withdraw: number[] = [];
  try {
    const page = await (await browser.newContext({ baseURL: base })).newPage();
    await page.goto("/admin/login");
    await page.getByLabel(/^(邮箱|Email)$/).fill(EDITOR.email);
    await page.getByLabel(/^(密码|Password)$/).fill(EDITOR.password);
    await page.getByRole("button", { name: /^(登录|Sign in)$/ }).click();
    await page.waitForURL(/\/admin$/);
    await page.getByRole("link", { name: "规模测试发布稿", exact: true }).first().click();
    await page.waitForURL(/\/admin\/releases\/[^/]+$/);
    for (let i = 0; i < cycles; i++) {
      let t = await click(page, "发布", "已发布。");
      await until(base, `/zh/news/${PROBE_SLUG}`, 200);
      publish.push(performance.now() - t);
      t = await click(page, "撤回", "已撤回，稿件回到草稿状态。");
      await until(base, `/zh/news/${PROBE_SLUG}`, 404);
      withdraw.push(performance.now() - t);
      await click(page, "标记为已翻译", "已标记为已翻译。");
    }
  } finally {
    readers.stop();
    await browser.close();
  }
  return { publish: stats(publish), withdraw: stats(withdraw), readers: await readers.result };
}
