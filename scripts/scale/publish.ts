// Publish-to-visible under read load for `npm run bench:scale`: while autocannon readers (in a
// child process) load public pages, an editor in chromium publishes and withdraws a release
// through the real admin UI (the server actions), and an anonymous reader polls the article until
// it answers 200 (published) or 404 (withdrawn). Times run from the click on 确认: the reader starts
// polling at that click, as a reader would who reloads the page, so "visible" does not wait for
// the editor's screen; the time until the editor sees the confirmation is reported beside it.
import { fork } from "node:child_process";
import { chromium, type Page } from "@playwright/test";
import { CHROMIUM } from "../lib/chromium";
import { EDITOR, PROBE_SLUG } from "./archive";
import { stats, type Stats } from "./measure";

export interface PublishResult {
  publish: Stats;
  withdraw: Stats;
  /** click on 确认 → the editor's screen confirms */
  confirmed: { publish: Stats; withdraw: Stats };
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

/** Clicks `button`, then 确认; resolves with the ms from that click to `done` on the editor's screen and to `status` for readers. */
async function click(page: Page, button: string, done: string, poll?: { base: string; status: number }) {
  await page.getByRole("button", { name: button, exact: true }).click();
  await page.getByRole("button", { name: /^(确认|Confirm)$/ }).click();
  const started = performance.now();
  const since = () => performance.now() - started;
  const [confirmed, visible] = await Promise.all([
    page.getByText(done, { exact: true }).waitFor({ timeout: 60_000 }).then(since),
    poll && until(poll.base, `/zh/news/${PROBE_SLUG}`, poll.status).then(since),
  ]);
  return { confirmed, visible: visible ?? confirmed };
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
  const confirmed = { publish: [] as number[], withdraw: [] as number[] };
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
      const p = await click(page, "发布", "已发布。", { base, status: 200 });
      publish.push(p.visible);
      confirmed.publish.push(p.confirmed);
      const w = await click(page, "撤回", "已撤回，稿件回到草稿状态。", { base, status: 404 });
      withdraw.push(w.visible);
      confirmed.withdraw.push(w.confirmed);
      await click(page, "标记为已翻译", "已标记为已翻译。");
    }
  } finally {
    readers.stop();
    await browser.close();
  }
  return {
    publish: stats(publish),
    withdraw: stats(withdraw),
    confirmed: { publish: stats(confirmed.publish), withdraw: stats(confirmed.withdraw) },
    readers: await readers.result,
  };
}
