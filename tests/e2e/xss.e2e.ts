import Database from "better-sqlite3";
import { expect, test, type Page, type Request } from "@playwright/test";
import { HOSTILE_HREFS, TEXT_PAYLOADS, hostileDoc, storableHostileDoc } from "../security/xss-payloads";
import { DEMO, editorReady, signedInPage, runWorkflowButton, sitemapShards } from "./support";

// A release full of XSS payloads goes through the real workflow (a hostile client replaces the
// editor's document with a crafted one on the wire), then every page, feed, sitemap, API and admin
// view that shows it is loaded in chromium: no dialog, no injected script, no live handler or URL,
// and the payload is really there (a page that stopped showing the field would pass vacuously).
// A save refuses a document outside the editor's schema; the fully hostile one is then written to
// the database directly, as a body stored before that check would be, and published.

const SLUG = "xss-corpus";
const TITLE = `</script><script>window.__xss=100</script><img src=x onerror=window.__xss=101>"'&`;
const SUMMARY = TEXT_PAYLOADS.slice(0, 8).join(" ");

const dbFile = `/tmp/newsroom-e2e-${process.env.E2E_PORT ?? 3100}.db`;
/** What every output of the release shows: the title's marker (the title itself is escaped markup). */
const MARK = "window.__xss=100";

/** Replaces the body argument of server action calls with `doc`. */
async function injectBody(page: Page, doc: unknown) {
  await page.unrouteAll();
  await page.route("**/*", async (route) => {
    const request: Request = route.request();
    if (request.method() !== "POST" || !request.headers()["next-action"]) return route.continue();
    const args = JSON.parse(request.postData() ?? "[]") as unknown[];
    const patched = args.map((a) =>
      a && typeof a === "object" && "body" in a ? { ...a, body: JSON.stringify(doc) } : a,
    );
    await route.continue({ postData: JSON.stringify(patched) });
  });
}

/** A body stored before saves were checked against the editor's schema (both languages). */
function storeLegacyBody(releaseId: string) {
  const db = new Database(dbFile, { fileMustExist: true, timeout: 10_000 });
  try {
    db.prepare(`UPDATE "ReleaseContent" SET "body" = ? WHERE "releaseId" = ?`).run(
      JSON.stringify(hostileDoc()),
      releaseId,
    );
  } finally {
    db.close();
  }
}

async function expectNothingRan(page: Page, url: string, dialogs: string[], shows: string | null = MARK) {
  const res = await page.goto(url);
  expect(res?.status(), url).toBeLessThan(400);
  await page.waitForTimeout(150);
  const report = await page.evaluate(() => {
    const all = [...document.querySelectorAll("*")];
    return {
      xss: (window as unknown as { __xss?: number }).__xss ?? null,
      handlers: all.flatMap((el) =>
        [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName} ${a.name}`),
      ),
      badUrls: all.flatMap((el) =>
        ["href", "src", "action", "formaction", "data"].flatMap((n) => {
          const v =
            el
              .getAttribute(n)
              ?.replace(/[\u0000-\u0020]/g, "")
              .toLowerCase() ?? "";
          return /^(javascript|vbscript|data):/.test(v) ? [`${el.tagName} ${n}=${v.slice(0, 40)}`] : [];
        }),
      ),
      // Links that leave the site: none may reach the corpus's evil.example, all open without opener/referrer.
      offSite: [...document.querySelectorAll<HTMLAnchorElement>("main a[href]")].flatMap((a) => {
        const url = new URL(a.href);
        if (url.origin === location.origin && !/evil\.example/.test(a.href)) return [];
        const rel = (a.getAttribute("rel") ?? "").split(/\s+/);
        return /evil\.example/.test(url.host) || !rel.includes("noopener") || !rel.includes("noreferrer")
          ? [`${a.href.slice(0, 60)} rel=${rel.join(" ")}`]
          : [];
      }),
      embedded: [
        ...document.querySelectorAll(
          'main svg, main iframe, main object, main embed, main math, main style, main script:not([type="application/ld+json"])',
        ),
      ].map((e) => e.tagName),
    };
  });
  expect(report, url).toEqual({ xss: null, handlers: [], badUrls: [], offSite: [], embedded: [] });
  expect(dialogs, url).toEqual([]);
  if (shows) expect(await page.content(), `${url} does not show the release`).toContain(shows);
}

test("XSS payloads in a published release never execute anywhere they are shown", async ({ browser }) => {
  test.setTimeout(180_000);
  const dialogs: string[] = [];

  // Editor writes the Chinese with hostile title and summary; the body is swapped on the wire.
  const editor = await signedInPage(browser, DEMO.editor);
  editor.on("dialog", (d) => (dialogs.push(d.message()), void d.dismiss()));
  await editor.goto("/admin/releases/new");
  await editorReady(editor);
  await editor.getByLabel("标题").fill(TITLE);
  await editor.getByLabel("摘要").fill(SUMMARY);
  await editor.getByLabel("网址别名").fill(SLUG);
  await editor.getByLabel("栏目").selectOption({ label: "新闻发布" });
  await editor.getByRole("textbox", { name: "正文" }).pressSequentially("x");
  // The crafted document is refused, saying what and where; what was typed stays in the form.
  await injectBody(editor, hostileDoc());
  await editor.getByRole("button", { name: "保存" }).click();
  await expect(editor.getByText(/^正文包含编辑器无法处理的内容（第 \d+ 块中的“/)).toBeVisible();
  await expect(editor.getByLabel("标题")).toHaveValue(TITLE);
  await expect(editor).toHaveURL(/\/admin\/releases\/new$/);
  // The payloads as text in every kind of block are stored.
  await injectBody(editor, storableHostileDoc());
  await editor.getByRole("button", { name: "保存" }).click();
  await expect(editor).toHaveURL(/\/admin\/releases\/(?!new$)[^/]+$/);
  const id = editor.url().split("/").pop()!;
  await editor.unrouteAll();

  // Translator does the same for the English.
  const translator = await signedInPage(browser, DEMO.translator);
  translator.on("dialog", (d) => (dialogs.push(d.message()), void d.dismiss()));
  await translator.goto(`/admin/releases/${id}/translate`);
  await editorReady(translator);
  await translator.getByLabel("Title").fill(TITLE);
  await translator.getByLabel("Summary").fill(SUMMARY);
  await translator.getByLabel("URL slug").fill(SLUG);
  await translator.getByRole("textbox", { name: "Body" }).pressSequentially("x");
  await injectBody(translator, hostileDoc());
  await translator.getByRole("button", { name: "Save" }).click();
  await expect(translator.getByText(/^The body contains something the editor cannot hold/)).toBeVisible();
  await injectBody(translator, storableHostileDoc());
  await translator.getByRole("button", { name: "Save" }).click();
  await expect(translator.getByText("Saved.", { exact: true })).toBeVisible();
  await translator.unrouteAll();
  storeLegacyBody(id);
  await runWorkflowButton(translator, "Mark as translated", "Marked as translated.");

  await editor.goto(`/admin/releases/${id}`);
  await runWorkflowButton(editor, "发布", "已发布。");

  // Every public page that shows it, as an anonymous reader.
  const reader = await (await browser.newContext()).newPage();
  reader.on("dialog", (d) => (dialogs.push(d.message()), void d.dismiss()));
  const publicPages = [
    `/zh/news/${SLUG}`,
    `/en/news/${SLUG}`,
    "/zh",
    "/en",
    "/zh/news",
    "/en/news",
    "/zh/search?q=script",
    "/en/search?q=script",
    "/zh/category/press-releases",
    "/zh/archive",
  ];
  for (const url of publicPages) await expectNothingRan(reader, url, dialogs, url.endsWith("/archive") ? null : MARK);
  // The archive index lists months, not titles; the body's payloads are on the article itself.
  await reader.goto(`/en/news/${SLUG}`);
  for (const payload of TEXT_PAYLOADS) await expect(reader.locator("main")).toContainText(payload.trim());
  // The title survives as text, in the page and in its <title>.
  await reader.goto(`/en/news/${SLUG}`);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(TITLE);
  expect(await reader.title()).toContain(TITLE);
  const ld = await reader.locator('script[type="application/ld+json"]').first().textContent();
  expect(JSON.parse(ld!).headline).toBe(TITLE);

  // Feeds, sitemap and API: well-formed, the title intact, no executable markup in the content.
  const xml = async (url: string) => {
    const text = await (await reader.request.get(url)).text();
    return reader.evaluate(
      ([body, u]) => {
        const doc = new DOMParser().parseFromString(body, "application/xml");
        if (doc.querySelector("parsererror")) return { error: u };
        const entry = [...doc.querySelectorAll("item, entry")].find((e) =>
          (e.querySelector("link")?.textContent || e.querySelector("link")?.getAttribute("href") || "").includes(
            "xss-corpus",
          ),
        );
        const html = entry?.querySelector("encoded, content")?.textContent ?? "";
        const content = new DOMParser().parseFromString(html, "text/html");
        return {
          title: entry?.querySelector("title")?.textContent ?? null,
          scripts: content.querySelectorAll("script, svg, iframe, object, img, style").length,
          handlers: [...content.querySelectorAll("*")].filter((el) =>
            [...el.attributes].some((a) => /^on/i.test(a.name)),
          ).length,
          badLinks: [...content.querySelectorAll("a")].filter(
            (a) => !/^(https?:|mailto:|\/)/i.test(a.getAttribute("href") ?? ""),
          ).length,
        };
      },
      [text, url] as const,
    );
  };
  for (const url of ["/zh/feed.xml", "/en/feed.xml", "/zh/atom.xml", "/en/atom.xml"]) {
    expect(await xml(url), url).toEqual({ title: TITLE, scripts: 0, handlers: 0, badLinks: 0 });
  }
  const { index, shards } = await sitemapShards(reader.request);
  expect([...shards.values()].join()).toContain(`/zh/news/${SLUG}`);
  for (const sitemap of [index, ...shards.values()]) {
    expect(
      await reader.evaluate(
        (s) => !new DOMParser().parseFromString(s, "application/xml").querySelector("parsererror"),
        sitemap,
      ),
    ).toBe(true);
  }
  const api = await (await reader.request.get(`/api/v1/releases/${id}?locale=en`)).json();
  expect(JSON.stringify(api)).toContain("window.__xss");
  const apiHtml = await reader.evaluate(
    (h) => {
      const d = new DOMParser().parseFromString(h, "text/html");
      return d.querySelectorAll("script, svg, iframe, object, img, style, [onerror], [onload], [onclick]").length;
    },
    JSON.stringify(api).includes("bodyHtml") ? (api.data?.bodyHtml ?? api.bodyHtml ?? "") : "",
  );
  expect(apiHtml).toBe(0);

  // The editor changes the Chinese again so diff views have hostile lines on both sides. The stored
  // body is one the editor cannot hold: it is shown read-only, and replaced by its text to save.
  await editor.goto(`/admin/releases/${id}`);
  await expect(editor.getByText(/^此正文包含编辑器无法显示的内容/)).toBeVisible();
  await editor.getByRole("button", { name: "替换为下方文字（保留文字，去除格式）" }).click();
  await editorReady(editor);
  await editor.getByLabel("摘要").fill(TEXT_PAYLOADS.slice(8, 16).join(" "));
  await editor.getByRole("button", { name: "保存" }).click();
  await expect(editor.getByText("已保存。", { exact: true })).toBeVisible();
  const adminPages = [
    "/admin",
    "/admin/releases",
    `/admin/releases/${id}`,
    `/admin/releases/${id}/history`,
    `/admin/releases/${id}/translate`,
    "/admin/search?q=script",
    `/preview/${id}/zh`,
    `/preview/${id}/en`,
  ];
  for (const url of adminPages) await expectNothingRan(editor, url, dialogs);
  // The audit log names releases by link, not by title: nothing of the release to show there.
  await expectNothingRan(editor, "/admin/audit", dialogs, `/admin/releases/${id}`);
  await editor.goto(`/admin/releases/${id}/history`);
  await expect(editor.locator(".diff").first()).toContainText("window.__xss");

  const outputs = publicPages.length + 4 + 1 + 1 + adminPages.length + 1;
  console.log(
    `XSS in the browser: ${TEXT_PAYLOADS.length + HOSTILE_HREFS.length + 2} payloads × ${outputs} outputs, 0 dialogs, 0 injected scripts.`,
  );
});
