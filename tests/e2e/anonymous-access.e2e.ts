import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { DEMO, openRelease, runWorkflowButton, signedInPage } from "./support";

// Every route the build knows, probed anonymously with the ids, slugs and months of content that is
// not public: a draft, a translated-but-unpublished release, an embargoed one and a withdrawn one.
// Nothing of theirs may appear anywhere: pages, RSC data requests, feeds, sitemap, API, search,
// preview, media. A route missing from the table below fails the test.

const SECRET = {
  draft: {
    zh: "国家知识产权局召开知识产权保护工作座谈会",
    slug: "ip-protection-symposium",
    text: ["知识产权保护工作座谈会"],
  },
  embargoed: {
    zh: "第十届五局局长会议将以视频方式举行",
    slug: "ip5-heads-meeting",
    text: ["第十届中美欧日韩", "The 10th IP5 Heads of Office"],
  },
  withdrawn: {
    zh: "国家知识产权局发布2019年中国专利调查报告",
    slug: "china-patent-survey-2019",
    text: ["2019年中国专利调查报告", "2019 China Patent Survey"],
  },
} as const;
// Route handlers under /admin (files, not pages): no sign-in page to send a download to.
const ADMIN_DOWNLOADS = new Set([
  "/admin/glossary/csv",
  "/admin/releases/[id]/xliff",
  "/admin/xliff",
  "/admin/releases/[id]/views.csv",
]);
// Route handlers under /admin that only take uploads: a GET is refused (405) before anything else.
const ADMIN_UPLOADS = new Set(["/admin/releases/[id]/presskit"]);
const secretTexts = Object.values(SECRET).flatMap((s) => [...s.text]);

test("no unpublished, embargoed or withdrawn content is reachable anonymously through any route", async ({
  browser,
  request,
}) => {
  test.setTimeout(300_000); // about 300 routes × 3 request variants, on a machine that may be busy
  // Make a withdrawn release: publish and withdraw the translated one through the admin UI.
  const editor = await signedInPage(browser, DEMO.editor);
  const ids: Record<keyof typeof SECRET, string> = {
    draft: await openRelease(editor, SECRET.draft.zh),
    embargoed: await openRelease(editor, SECRET.embargoed.zh),
    withdrawn: await openRelease(editor, SECRET.withdrawn.zh),
  };
  await runWorkflowButton(editor, "发布", "已发布。");
  await runWorkflowButton(editor, "撤回", "已撤回，稿件回到草稿状态。");

  const embargoAt = new Date(Date.now() + 7 * 86_400_000);
  const months = [
    ["2020", "07"],
    [String(embargoAt.getUTCFullYear()), String(embargoAt.getUTCMonth() + 1).padStart(2, "0")],
    [String(new Date().getUTCFullYear()), String(new Date().getUTCMonth() + 1).padStart(2, "0")],
  ];
  const slugs = Object.values(SECRET).map((s) => s.slug);
  const idList = Object.values(ids);
  const each = <T>(xs: readonly T[], f: (x: T) => string[]) => xs.flatMap(f);
  const L = ["zh", "zh-Hant", "en"] as const;

  // route pattern → concrete URLs to probe anonymously
  const ROUTES: Record<string, string[]> = {
    "/[locale]": each(L, (l) => [`/${l}`]),
    "/[locale]/news": each(L, (l) => [`/${l}/news`]),
    "/[locale]/news/page/[page]": each(L, (l) => [`/${l}/news/page/2`]),
    "/[locale]/news/[slug]": each(L, (l) => slugs.map((s) => `/${l}/news/${s}`)),
    "/[locale]/category/[slug]": each(L, (l) => [
      `/${l}/category/press-releases`,
      `/${l}/category/international-cooperation`,
    ]),
    "/[locale]/category/[slug]/page/[page]": each(L, (l) => [`/${l}/category/press-releases/page/2`]),
    "/[locale]/archive": each(L, (l) => [`/${l}/archive`]),
    "/[locale]/archive/[year]/[month]": each(L, (l) => months.map(([y, m]) => `/${l}/archive/${y}/${m}`)),
    "/[locale]/archive/[year]/[month]/page/[page]": each(L, (l) =>
      months.map(([y, m]) => `/${l}/archive/${y}/${m}/page/2`),
    ),
    "/[locale]/search": each(L, (l) =>
      [...secretTexts, ...slugs].map((q) => `/${l}/search?q=${encodeURIComponent(q)}`),
    ),
    "/[locale]/feed.xml": each(L, (l) => [`/${l}/feed.xml`]),
    "/[locale]/atom.xml": each(L, (l) => [`/${l}/atom.xml`]),
    "/[locale]/subscribe": each(L, (l) => [`/${l}/subscribe`]),
    "/[locale]/subscribe/confirm": each(L, (l) => [
      `/${l}/subscribe/confirm?token=${"x".repeat(43)}`,
      `/${l}/subscribe/confirm`,
    ]),
    "/[locale]/unsubscribe": each(L, (l) => [`/${l}/unsubscribe?token=${"x".repeat(43)}`, `/${l}/unsubscribe`]),
    // Private early access without a valid token: a 404 like any unknown page (distribution.e2e.ts has the real one).
    "/[locale]/embargoed/[token]": each(L, (l) => [
      `/${l}/embargoed/${"x".repeat(43)}`,
      ...slugs.map((s) => `/${l}/embargoed/${s}`),
      ...idList.map((id) => `/${l}/embargoed/${id}`),
    ]),
    "/unsubscribe": ["/unsubscribe", `/unsubscribe?token=${"x".repeat(43)}`],
    "/sitemap.xml": ["/sitemap.xml"],
    "/sitemaps/[name]": ["/sitemaps/pages.xml", ...months.flatMap(([y]) => L.map((l) => `/sitemaps/${l}-${y}.xml`))],
    "/robots.txt": ["/robots.txt"],
    "/api/health": ["/api/health"],
    "/api/internal/revalidate": ["/api/internal/revalidate"], // the server's own loopback calls only: 404
    "/api/v1/releases": each(L, (l) => [`/api/v1/releases?locale=${l}`]),
    "/api/v1/releases/[id]": each(L, (l) => idList.map((id) => `/api/v1/releases/${id}?locale=${l}`)),
    "/api/media": ["/api/media"],
    "/media/[id]/[file]": ["/media/nope/original.webp", "/media/..%2F..%2Fetc/passwd"],
    "/preview/[id]/[locale]": each(L, (l) => idList.map((id) => `/preview/${id}/${l}`)),
    "/admin": ["/admin"],
    "/admin/login": ["/admin/login"],
    "/admin/account": ["/admin/account"],
    "/admin/audit": ["/admin/audit"],
    "/admin/media": ["/admin/media"],
    "/admin/releases": ["/admin/releases"],
    "/admin/releases/new": ["/admin/releases/new"],
    "/admin/releases/[id]": idList.map((id) => `/admin/releases/${id}`),
    "/admin/releases/[id]/translate": idList.map((id) => `/admin/releases/${id}/translate`),
    "/admin/releases/[id]/history": idList.map((id) => `/admin/releases/${id}/history`),
    "/admin/search": secretTexts.map((q) => `/admin/search?q=${encodeURIComponent(q)}`),
    "/admin/users": ["/admin/users"],
    "/admin/distribution": ["/admin/distribution"],
    "/admin/distribution/lists/[id]": idList.map((id) => `/admin/distribution/lists/${id}`),
    "/admin/releases/[id]/delivery": idList.map((id) => `/admin/releases/${id}/delivery`),
    "/admin/webhooks": ["/admin/webhooks"],
    "/admin/hant": ["/admin/hant", `/admin/hant?try=${encodeURIComponent(secretTexts[0] ?? "")}`],
    "/admin/mail": ["/admin/mail"],
    "/admin/mail/[id]": idList.map((id) => `/admin/mail/${id}`),
    // Translator workbench: pages, the XLIFF downloads (one release and the bulk zip), the glossary CSV.
    "/admin/glossary": ["/admin/glossary", `/admin/glossary?q=${encodeURIComponent(secretTexts[0]!)}`],
    "/admin/glossary/csv": ["/admin/glossary/csv"],
    "/admin/tm": ["/admin/tm", `/admin/tm?q=${encodeURIComponent(secretTexts[0]!)}`],
    "/admin/my": ["/admin/my"],
    "/admin/notifications": ["/admin/notifications"],
    "/admin/releases/[id]/xliff": each(["1.2", "2.0"], (v) =>
      idList.map((id) => `/admin/releases/${id}/xliff?version=${v}`),
    ),
    "/admin/xliff": ["/admin/xliff", "/admin/xliff?version=2.0"],
    // Press kit and contacts: the public downloads of unknown or unpublished files, the admin pages and files.
    "/admin/contacts": ["/admin/contacts"],
    "/admin/releases/[id]/presskit": idList.map((id) => `/admin/releases/${id}/presskit`), // POST only
    "/admin/releases/[id]/views.csv": idList.map((id) => `/admin/releases/${id}/views.csv`),
    "/presskit/[id]/[file]": ["/presskit/nope/file.pdf", "/presskit/..%2F..%2Fetc/passwd"],
    "/presskit/release/[releaseId]/[locale]": each(L, (l) => idList.map((id) => `/presskit/release/${id}/${l}`)),
    "/_global-error": [],
    "/_not-found": ["/no/such/page"],
  };

  const manifest = JSON.parse(
    readFileSync(path.join(process.cwd(), ".next/app-path-routes-manifest.json"), "utf8"),
  ) as Record<string, string>;
  expect(Object.keys(ROUTES).sort(), "every built route is probed").toEqual(
    [...new Set(Object.values(manifest))].sort(),
  );

  let probes = 0;
  for (const [route, urls] of Object.entries(ROUTES)) {
    for (const url of urls) {
      // A page request, and the RSC data request a client-side navigation would make.
      const variants: Record<string, string>[] = [{}, { RSC: "1" }, { RSC: "1", "Next-Router-Prefetch": "1" }];
      for (const headers of variants) {
        if (
          !route.startsWith("/[locale]") &&
          !route.startsWith("/admin") &&
          !route.startsWith("/preview") &&
          Object.keys(headers).length
        )
          continue;
        probes++;
        // Admin page redirects are asserted; otherwise follow them (RSC requests are sent on to add `?_rsc`).
        const isPageRequest = Object.keys(headers).length === 0;
        const res = await request.get(url, {
          headers,
          maxRedirects: route.startsWith("/admin") && isPageRequest ? 0 : 5,
        });
        const body = await res.text();
        // A requested URL is echoed back (router state, "results for …"), so a string only leaks where
        // it was not asked for; a search that found a secret would still leak its slug in the result link.
        const forbidden = [...secretTexts, ...slugs].filter((x) => !decodeURIComponent(url).includes(x));
        for (const secret of forbidden)
          expect(body, `${url} ${JSON.stringify(headers)} leaks ${secret}`).not.toContain(secret);
        if (isPageRequest && ADMIN_UPLOADS.has(route)) {
          expect(res.status(), `${url}: an upload route answers a GET with 405`).toBe(405);
        } else if (isPageRequest && ADMIN_DOWNLOADS.has(route)) {
          expect(res.status(), `${url}: a download answers 401 to a visitor without a session`).toBe(401);
        } else if (isPageRequest && route.startsWith("/admin") && route !== "/admin/login") {
          expect([307, 303, 302], `${url} must send to sign-in`).toContain(res.status());
          expect(res.headers()["location"]).toMatch(/\/admin\/login$/);
        }
        // (RSC data requests answer 200 with a not-found payload; the text checks above cover them.)
        if (
          isPageRequest &&
          (route.startsWith("/preview") ||
            route === "/api/v1/releases/[id]" ||
            route === "/[locale]/news/[slug]" ||
            route === "/[locale]/embargoed/[token]")
        ) {
          expect(res.status(), url).toBe(404);
        }
        expect(res.status(), `${url} must not crash`).toBeLessThan(500);
      }
    }
  }
  const routes = Object.keys(ROUTES).length;
  console.log(
    `Anonymous access: ${routes} routes, ${probes} requests, 0 leaks of draft, embargoed or withdrawn content.`,
  );

  // Leave the withdrawn release as seeded for the other tests.
  await editor.goto(`/admin/releases/${ids.withdrawn}`);
  await runWorkflowButton(editor, "标记为已翻译", "已标记为已翻译。");
});
