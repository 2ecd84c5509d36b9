import Database from "better-sqlite3";
import { expect, test, type APIResponse, type Page } from "@playwright/test";
import { DEMO, signIn } from "./support";

// CSRF, session fixation, and hostile input at the edges: each gets a clear 4xx and changes nothing.

const dbFile = `/tmp/newsroom-e2e-${process.env.E2E_PORT}.db`; // set by playwright.config.ts
const counts = () => {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    const n = (t: string) => (db.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n;
    return {
      releases: n("Release"),
      revisions: n("Revision"),
      users: n("User"),
      sessions: n("Session"),
      publications: n("Publication"),
    };
  } finally {
    db.close();
  }
};

/** The sign-in form exactly as a browser would post it (hidden action fields included). */
async function loginFormFields(page: Page) {
  await page.goto("/admin/login");
  return page.evaluate(() => {
    const form = document.querySelector("form")!;
    return [...new FormData(form).entries()].map(
      ([k, v]) => [k, typeof v === "string" ? v : v.name] as [string, string],
    );
  });
}

test.describe("CSRF: server actions refuse other origins", () => {
  test("a sign-in posted from a foreign origin creates no session; the same post from the site does", async ({
    page,
    request,
    baseURL,
  }) => {
    const fields = Object.fromEntries(await loginFormFields(page));
    Object.assign(fields, { email: DEMO.editor, password: process.env.DEMO_PASSWORD ?? "newsroom-demo" });
    const before = counts().sessions;
    const foreign = await request.post("/admin/login", {
      multipart: fields,
      headers: { Origin: "https://evil.example", Accept: "text/html" },
      maxRedirects: 0,
    });
    expect(foreign.status()).toBe(403);
    expect(foreign.headers()["set-cookie"] ?? "").not.toContain("newsroom_session=");
    expect(counts().sessions).toBe(before);

    const same = await request.post("/admin/login", {
      multipart: fields,
      headers: { Origin: new URL(baseURL!).origin, Accept: "text/html" },
      maxRedirects: 0,
    });
    expect(same.headers()["set-cookie"] ?? "").toContain("newsroom_session=");
    expect(counts().sessions).toBe(before + 1);
  });

  test("the JSON API and feeds accept no writes", async ({ request }) => {
    for (const url of ["/api/v1/releases", "/zh/feed.xml", "/sitemap.xml", "/api/health"]) {
      const res = await request.post(url, { data: { title: "x" }, headers: { Origin: "https://evil.example" } });
      expect(res.status(), url).toBeGreaterThanOrEqual(400);
      expect(res.status(), url).toBeLessThan(500);
    }
  });
});

test("the session id changes at sign-in: a planted cookie is never adopted", async ({ page, context, baseURL }) => {
  const planted = "attacker-chosen-session-token-0123456789";
  await context.addCookies([{ name: "newsroom_session", value: planted, url: baseURL! }]);
  await signIn(page, DEMO.editor);
  const cookie = (await context.cookies()).find((c) => c.name === "newsroom_session")!;
  expect(cookie.value).not.toBe(planted);
  expect(cookie.value.length).toBeGreaterThanOrEqual(40);
});

test.describe("hostile input at the edges answers 4xx and changes nothing", () => {
  test("oversized, malformed and invalid requests", async ({ request }) => {
    const before = counts();
    const cases: [string, () => Promise<APIResponse>][] = [
      [
        "oversized server action body",
        () =>
          request.post("/admin/login", {
            headers: { "Next-Action": "x".repeat(42), "Content-Type": "text/plain;charset=UTF-8" },
            data: "x".repeat(6 * 1024 * 1024),
          }),
      ],
      [
        "malformed server action",
        () =>
          request.post("/admin/login", {
            headers: { "Next-Action": "0".repeat(42), "Content-Type": "text/plain;charset=UTF-8" },
            data: "{not json",
          }),
      ],
      [
        "unknown server action id",
        () =>
          request.post("/admin", {
            headers: { "Next-Action": "f".repeat(42), "Content-Type": "text/plain;charset=UTF-8" },
            data: "[]",
          }),
      ],
      ["invalid UTF-8 in a slug", () => request.get("/zh/news/%FF%FE%FD")],
      ["invalid UTF-8 in a query", () => request.get("/api/v1/releases?locale=%FF")],
      ["very long slug", () => request.get(`/zh/news/${"a".repeat(4000)}`)],
      ["very long category", () => request.get(`/en/category/${"b".repeat(4000)}`)],
      ["unknown locale", () => request.get("/fr/news")],
      ["unknown locale article", () => request.get("/xx/news/cnipa-kipo-video-conference")],
      ["bad page number", () => request.get("/zh/news/page/-1")],
      ["huge page number", () => request.get("/zh/news/page/99999999999999999999")],
      ["bad archive month", () => request.get("/zh/archive/2020/13")],
      ["path traversal in media", () => request.get("/media/..%2F..%2F..%2Fetc%2Fpasswd/original.webp")],
      ["encoded traversal in media file", () => request.get("/media/x/..%2F..%2Fpackage.json")],
      ["API unknown id", () => request.get("/api/v1/releases/does-not-exist")],
      ["API bad params", () => request.get("/api/v1/releases?page=abc&locale=zh")],
      ["API unknown param", () => request.get("/api/v1/releases?locale=zh&evil=1")],
      [
        "media upload signed out",
        () =>
          request.post("/api/media", {
            multipart: { file: { name: "a.png", mimeType: "image/png", buffer: Buffer.from("x") } },
          }),
      ],
    ];
    for (const [name, run] of cases) {
      const res = await run();
      expect(res.status(), name).toBeGreaterThanOrEqual(400);
      expect(res.status(), name).toBeLessThan(500);
    }
    expect(counts()).toEqual(before);
    console.log(`Edge inputs: ${cases.length} hostile requests, all 4xx, data unchanged.`);
  });

  test("very long and malformed search queries are served, capped", async ({ request }) => {
    for (const q of ["q".repeat(3000), "%", "%FF", "\u0000\u0001", "NEAR(a b)", '"unterminated']) {
      const res = await request.get(`/zh/search?q=${encodeURIComponent(q)}`);
      expect(res.status(), q.slice(0, 10)).toBe(200);
    }
  });
});
