import { chromium, type Browser, type Page } from "@playwright/test";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { textToDoc } from "../../src/domain/release/content";
import { createDb, type Db } from "../../src/server/db/client";
import { createRelease, runWorkflow, saveContent } from "../../src/server/releases/lifecycle";
import {
  FRONT_SERVER,
  cluster,
  createUser,
  databaseUrl,
  freshDatabase,
  startServer,
  within,
  type Server,
} from "./servers";
import { signInAs } from "../../scripts/lib/admin-ui";
import { CHROMIUM } from "../../scripts/lib/chromium";
import { startS3, type TestS3 } from "../support/s3";

// Two production servers on one PostgreSQL (docs/CACHING.md, "Several instances"): a publish or
// withdrawal through A's admin (the real server action, in chromium) is visible on B within 2 s,
// in B's response cache and in Next's own caches. An image uploaded through one instance is served
// by the other, on the database store and on S3 (docs/OPERATIONS.md, "Media"). Then the database
// goes away and comes back (docs/CACHING.md, "When the database is down").

const PASSWORD = "pg-e2e-password-1";
const EDITOR = "editor@pg-e2e.test";
const TRANSLATOR = "translator@pg-e2e.test";
const url = databaseUrl();
let db: Db;
let a: Server;
let b: Server;
let browser: Browser;

const content = (title: string, slug: string) => ({
  title,
  summary: `${title}。`,
  slug,
  body: JSON.stringify(textToDoc(`${title}的正文。`)),
});

/** A release with both languages, marked translated (ready to publish), through the release operations. */
async function translatedRelease(slug: string, zhTitle: string) {
  const users = await db.user.findMany();
  const editor = { id: users.find((u) => u.email === EDITOR)!.id, role: "EDITOR" as const };
  const translator = { id: users.find((u) => u.email === TRANSLATOR)!.id, role: "TRANSLATOR" as const };
  const created = await createRelease(db, editor, content(zhTitle, slug), { categoryId: null, releaseDate: null });
  if (!created.ok) throw new Error(created.code);
  const en = await saveContent(
    db,
    translator,
    created.value.id,
    "en",
    content(`EN ${slug}`, slug),
    created.value.version,
  );
  if (!en.ok) throw new Error(en.code);
  const marked = await runWorkflow(db, translator, created.value.id, { type: "markTranslated" }, en.value.version);
  if (!marked.ok) throw new Error(marked.code);
  return { id: created.value.id, editor, version: marked.value.version };
}

beforeAll(async () => {
  await freshDatabase(url);
  createUser(url, EDITOR, "editor", PASSWORD);
  createUser(url, TRANSLATOR, "translator", PASSWORD);
  db = createDb(url);
  a = await startServer("A", "scripts/start.mjs", url); // builds once if the sources changed
  b = await startServer("B", FRONT_SERVER, url);
  browser = await chromium.launch(CHROMIUM);
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([a?.stop(), b?.stop()]);
  await db?.$disconnect();
});

const signIn = (page: Page, base: string) => signInAs(page, base, EDITOR, PASSWORD);

/**
 * Clicks `button`, then 确认 in the confirmation, and from that click polls `until` (B's pages) while
 * A's action runs; resolves with the ms from the click to B showing the change.
 */
async function changeAndWatch(
  page: Page,
  button: string,
  done: string,
  until: () => Promise<boolean>,
): Promise<number> {
  await page.getByRole("button", { name: button, exact: true }).click();
  await page.getByRole("button", { name: "确认", exact: true }).click();
  const [delay] = await Promise.all([within(2_000, until), page.getByText(done, { exact: true }).waitFor()]);
  return delay;
}

const status = async (base: string, path: string, headers: Record<string, string> = {}) =>
  (await fetch(base + path, { headers })).status;
// A session cookie (even an invalid one) bypasses the server's response cache: Next's own caches answer.
const NEXT_ONLY = { cookie: "newsroom_session=not-a-session" };

describe("two instances on one PostgreSQL", () => {
  test("publish and withdraw through A are visible on B within 2 s, cached pages included", async () => {
    const slug = `two-instances-${Date.now().toString(36)}`;
    const title = "两个实例共享一个数据库";
    const release = await translatedRelease(slug, title);
    const article = `/zh/news/${slug}`;
    let last: unknown;
    const onB = async () =>
      (last = {
        article: await status(b.base, article),
        next: await status(b.base, article, NEXT_ONLY),
        listed: (await (await fetch(`${b.base}/zh/news`)).text()).includes(title),
        // The exact article: the other-month article's slug (`${slug}-old`) starts with this one.
        api: (
          (await (await fetch(`${b.base}/api/v1/releases?locale=zh`)).json()) as { data: { url: string }[] }
        ).data.some((item) => item.url.endsWith(article)),
      });
    // Warm every cache on B (response cache and Next's page and data caches) with the "before" state.
    for (let i = 0; i < 2; i++) expect(await onB()).toEqual({ article: 404, next: 404, listed: false, api: false });
    expect((await fetch(b.base + article)).headers.get("x-cache")).toBe("HIT");
    // An article of another month on B, which the change does not touch: the tags A broadcasts leave it cached.
    const old = await translatedRelease(`${slug}-old`, "另一个月的旧稿");
    const at = new Date("2020-04-09T02:00:00Z");
    if (!(await runWorkflow(db, old.editor, old.id, { type: "publish", at }, old.version)).ok) throw new Error("old");
    const oldCache = async () => (await fetch(`${b.base}/zh/news/${slug}-old`)).headers.get("x-cache");
    await within(5_000, async () => (await oldCache()) === "HIT");

    const page = await (await browser.newContext()).newPage();
    await signIn(page, a.base);
    await page.goto(`${a.base}/admin/releases/${release.id}`);
    await page.getByRole("toolbar").first().waitFor(); // hydrated

    const explain = (err: Error) => {
      throw new Error(
        `${err.message}; B last answered ${JSON.stringify(last)}; B's bus: ${JSON.stringify(b.logs().filter((l) => String(l.msg).includes("cache bus") || String(l.msg).includes("revalidat")))}`,
      );
    };
    const shows = (want: object) => async () => JSON.stringify(await onB()) === JSON.stringify(want);
    const afterPublish = await changeAndWatch(
      page,
      "发布",
      "已发布。",
      shows({ article: 200, next: 200, listed: true, api: true }),
    ).catch(explain);
    expect(await oldCache(), "B purged an article the publish did not touch").toBe("HIT");
    const afterWithdraw = await changeAndWatch(
      page,
      "撤回",
      "已撤回，稿件回到草稿状态。",
      shows({ article: 404, next: 404, listed: false, api: false }),
    ).catch(explain);
    expect(await oldCache(), "B purged an article the withdrawal did not touch").toBe("HIT");

    const notified = b
      .logs()
      .filter((l) => l.msg === "cache bus: change on another instance")
      .map((l) => l.delayMs);
    console.log(
      `publish → visible on B (article, list, API, Next's own cache): ${afterPublish} ms after the confirming click on A; ` +
        `withdraw → gone on B: ${afterWithdraw} ms; NOTIFY received by B ${notified.join(" and ")} ms after A sent it`,
    );
    expect(afterPublish).toBeLessThanOrEqual(2_000);
    expect(afterWithdraw).toBeLessThanOrEqual(2_000);
    expect(notified.length).toBeGreaterThanOrEqual(2);
  });
});

describe("after a database outage", () => {
  // Issue 16: a withdrawal right after the database came back must be honoured by B within 2 s,
  // even though B's cache bus is still waiting to reconnect (its NOTIFY is lost meanwhile).
  test("a withdrawal through A right after the database is back is gone from B within 2 s", async () => {
    const slug = `after-outage-${Date.now().toString(36)}`;
    const release = await translatedRelease(slug, "停机之后撤回");
    const article = `/zh/news/${slug}`;
    const page = await (await browser.newContext()).newPage();
    await signIn(page, a.base);
    await page.goto(`${a.base}/admin/releases/${release.id}`);
    await page.getByRole("toolbar").first().waitFor(); // hydrated, before the outage
    await page.getByRole("button", { name: "发布", exact: true }).click();
    await page.getByRole("button", { name: "确认", exact: true }).click();
    await page.getByText("已发布。", { exact: true }).waitFor();
    // The editor's page has refreshed into its published state (what it fetches after the action
    // must not fall into the outage). Before the refresh, 撤回 is already there but disabled (with
    // its reason): only the enabled button shows the refresh has arrived.
    await page.getByRole("button", { name: "撤回", exact: true, disabled: false }).waitFor();
    // B holds the article in every cache (response cache and Next's own).
    await within(10_000, async () => (await status(b.base, article)) === 200);
    expect(await status(b.base, article, NEXT_ONLY)).toBe(200);
    expect((await fetch(b.base + article)).headers.get("x-cache")).toBe("HIT");

    const stoppedAt = new Date().toISOString();
    // B's reconnection backs off (250 ms doubling to 5 s): start the database again right after a
    // failed attempt that scheduled the next one 4 s or more later, so B is still not listening
    // when A withdraws.
    const backedOff = () =>
      b
        .logs()
        .some(
          (l) => l.msg === "cache bus: connection lost" && String(l.time) > stoppedAt && Number(l.retryMs) >= 4_000,
        );
    cluster("stop");
    try {
      await within(30_000, () => Promise.resolve(backedOff()));
    } finally {
      cluster("start");
    }
    await within(30_000, async () => (await status(a.base, "/api/health")) === 200);
    const busBack = b
      .logs()
      .some((l) => l.msg === "cache bus: listening" && l.reconnected === true && String(l.time) > stoppedAt);
    let last: unknown;
    const gone = async () => {
      last = { article: await status(b.base, article), next: await status(b.base, article, NEXT_ONLY) };
      return JSON.stringify(last) === JSON.stringify({ article: 404, next: 404 });
    };
    const delay = await changeAndWatch(page, "撤回", "已撤回，稿件回到草稿状态。", gone).catch(async (err: Error) => {
      const shown = await page
        .locator("main")
        .innerText({ timeout: 1_000 })
        .catch(() => "(no main)");
      throw new Error(
        `${err.message}; B last answered ${JSON.stringify(last)}; A's editor page (${page.url()}) showed: ${shown.slice(0, 400)}`,
      );
    });
    // And it stays gone.
    for (let i = 0; i < 5; i++) expect(await gone()).toBe(true);
    console.log(
      `after the outage: withdraw → gone on B after ${delay} ms; B's cache bus was not listening when A withdrew`,
    );
    expect(busBack, "B's bus had already reconnected: the scenario did not happen").toBe(false);
    expect(delay).toBeLessThanOrEqual(2_000);
    // Its bus comes back later by itself.
    await within(15_000, async () =>
      b.logs().some((l) => l.msg === "cache bus: listening" && String(l.time) > stoppedAt),
    );
  });
});

/** A release showing `mediaId`, published (or not) through the release operations. */
async function releaseShowing(slug: string, mediaId: string, publish: boolean) {
  const img = { type: "image", attrs: { src: `/media/${mediaId}/original.png`, alt: "图", width: 1200, height: 800 } };
  const body = JSON.stringify({ type: "doc", content: [...textToDoc("正文").content!, img] });
  const release = await translatedRelease(slug, `图片稿件 ${slug}`);
  for (const locale of ["zh", "en"] as const) {
    const c = await db.releaseContent.findFirstOrThrow({ where: { releaseId: release.id, locale } });
    const zh = await db.releaseContent.findFirstOrThrow({ where: { releaseId: release.id, locale: "zh" } });
    const saved = await saveContent(db, release.editor, release.id, locale, { ...c, body }, release.version, {
      sourceFingerprint: zh.fingerprint,
    });
    if (!saved.ok) throw new Error(saved.code);
    release.version = saved.value.version;
  }
  const marked = await runWorkflow(db, release.editor, release.id, { type: "markTranslated" }, release.version);
  if (!marked.ok) throw new Error(marked.code);
  release.version = marked.value.version;
  if (publish) {
    const moved = await runWorkflow(db, release.editor, release.id, { type: "publish" }, release.version);
    if (!moved.ok) throw new Error(moved.code);
    release.version = moved.value.version;
  }
  return release;
}

/** Uploads a real PNG through `on`'s POST /api/media as the signed-in editor of `page`. */
async function uploadThrough(page: Page, on: Server): Promise<{ id: string; bytes: Buffer }> {
  const png = await sharp({ create: { width: 1200, height: 800, channels: 3, background: "#2b6" } })
    .png()
    .toBuffer();
  const response = await page.request.post(`${on.base}/api/media`, {
    headers: { Origin: on.base },
    multipart: { file: { name: "photo.png", mimeType: "image/png", buffer: png }, altZh: "两个实例共享的图片" },
  });
  expect(response.status(), await response.text()).toBe(201);
  const { media } = (await response.json()) as { media: { id: string } };
  return { id: media.id, bytes: png };
}

const anonymous = async (on: Server, id: string) => {
  const res = await fetch(`${on.base}/media/${id}/original.png`);
  return { status: res.status, bytes: Buffer.from(await res.arrayBuffer()) };
};

/** Upload through `up`, served by `down`: privately at once, publicly only while a live publication shows it. */
async function crossInstanceMedia(up: Server, down: Server) {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, up.base);
  const { id, bytes } = await uploadThrough(page, up);
  const staff = await page.request.get(`${down.base}/media/${id}/original.png`); // the cookie works on both
  expect(staff.status()).toBe(200);
  expect(staff.headers()["cache-control"]).toBe("private, no-store");
  const original = Buffer.from(await staff.body());
  expect((await sharp(original).metadata()).width).toBe(1200);
  expect((await anonymous(down, id)).status).toBe(404);

  const slug = `media-${down.name.toLowerCase()}-${Date.now().toString(36)}`;
  const release = await releaseShowing(slug, id, true);
  const live = await anonymous(down, id);
  expect(live.status).toBe(200);
  expect(live.bytes.equals(original)).toBe(true);
  expect((await anonymous(up, id)).bytes.equals(original)).toBe(true);
  const withdrawn = await runWorkflow(db, release.editor, release.id, { type: "withdraw" }, release.version);
  expect(withdrawn.ok).toBe(true);
  expect((await anonymous(down, id)).status).toBe(404);
  expect((await anonymous(up, id)).status).toBe(404);
  expect(original.length).toBeLessThanOrEqual(bytes.length + 64); // the same image, metadata-free
  return { page, id, original };
}

describe("media shared by two instances", () => {
  test("database store: uploaded through A, served by B; public only while live, on both", async () => {
    await crossInstanceMedia(a, b);
  });

  describe("S3 store", () => {
    let s3: TestS3;
    let c: Server;
    let d: Server;
    beforeAll(async () => {
      s3 = await startS3();
      [c, d] = await Promise.all([
        startServer("C", FRONT_SERVER, url, s3.env),
        startServer("D", FRONT_SERVER, url, s3.env),
      ]);
    });
    afterAll(async () => {
      await Promise.all([c?.stop(), d?.stop()]);
      await s3?.stop();
    });

    test("uploaded through C, served by D; the bucket down: a translated error in the upload form, nothing lost", async () => {
      const { page, id, original } = await crossInstanceMedia(c, d);
      await releaseShowing(`media-s3-live-${Date.now().toString(36)}`, id, true);
      expect((await anonymous(d, id)).status).toBe(200); // D keeps a checked copy in its cache
      await s3.stop();
      const cached = await anonymous(d, id);
      expect([cached.status, cached.bytes.equals(original)]).toEqual([200, true]);

      await page.goto(`${c.base}/admin/media`);
      await page.getByLabel(/图片文件/).setInputFiles({
        name: "new.png",
        mimeType: "image/png",
        buffer: await sharp({ create: { width: 50, height: 50, channels: 3, background: "#000" } })
          .png()
          .toBuffer(),
      });
      await page.getByLabel("替代文本（中文，必填）").fill("存储故障时上传");
      await page.getByRole("button", { name: "上传" }).click();
      await page.getByText("媒体存储暂时无法访问，图片未保存。", { exact: false }).waitFor({ timeout: 15_000 });
      expect(c.logs().some((l) => l.msg === "media storage: upload not stored" && l.reason === "unavailable")).toBe(
        true,
      );
      expect(await db.media.count({ where: { altZh: "存储故障时上传" } })).toBe(0);
    });
  });
});

describe("database outage", () => {
  test("cached pages still serve, uncached pages answer a localized 503, health 503; recovers by itself", async () => {
    const slug = `outage-${Date.now().toString(36)}`;
    const release = await translatedRelease(slug, "停机时仍可阅读");
    const published = await runWorkflow(db, release.editor, release.id, { type: "publish", at: null }, release.version);
    expect(published.ok).toBe(true);
    expect((await fetch(`${a.base}/api/internal/revalidate`, { method: "POST" })).status).toBe(404); // closed to the outside
    const cached = [`/zh/news/${slug}`, "/zh/news", "/sitemap.xml", "/en/feed.xml"];
    for (const path of cached) expect(await status(a.base, path), path).toBe(200); // rendered and cached

    cluster("stop");
    try {
      for (const path of cached) {
        const res = await fetch(a.base + path);
        expect(res.status, path).toBe(200);
        expect(res.headers.get("x-cache"), path).toMatch(/^(HIT|STALE)$/);
      }
      // Pages whose data Next already holds (e.g. /zh/archive, from the index cached above) still
      // render; search and an article never read before need the database.
      const zh = await fetch(`${a.base}/zh/search?q=${encodeURIComponent("停机")}`);
      expect(zh.status).toBe(503);
      expect(zh.headers.get("retry-after")).toBe("30");
      const zhHtml = await zh.text();
      expect(zhHtml).toContain('<html lang="zh-CN">');
      expect(zhHtml).toContain("<h1>服务暂时不可用</h1>");
      const en = await fetch(`${a.base}/en/news/${slug}`);
      expect(en.status).toBe(503);
      expect(await en.text()).toContain('<html lang="en">');
      expect(await status(a.base, "/api/health")).toBe(503);
    } finally {
      cluster("start");
    }
    // Back by itself: no restart; the pages render again and the cache bus listens again.
    const recovered = await within(30_000, async () => (await status(a.base, "/api/health")) === 200);
    expect(await status(a.base, `/zh/search?q=${encodeURIComponent("停机")}`)).toBe(200);
    expect(await status(a.base, `/en/news/${slug}`)).toBe(200);
    await within(15_000, async () =>
      [a, b].every((s) => s.logs().some((l) => l.msg === "cache bus: listening" && l.reconnected === true)),
    );
    expect(a.proc.exitCode).toBeNull();
    expect(b.proc.exitCode).toBeNull();
    console.log(`database back → health 200 on A after ${recovered} ms`);
  });
});
