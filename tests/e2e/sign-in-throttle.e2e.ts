import { spawnSync } from "node:child_process";
import Database from "better-sqlite3";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { signIn } from "./support";

// Password guessing through real HTTP (docs/AUTH.md, "Throttling"): parallel sign-in posts get at
// most the allowed number of password checks, the right password is not even checked while the
// delay runs, and the owner's browser (which signed in before) still gets in.

const dbFile = `/tmp/newsroom-e2e-${process.env.E2E_PORT ?? 3100}.db`;
const EMAIL = "throttle-owner@example.com";
const PASSWORD = "the owner's own password";

function failedChecks(): number {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    const row = db
      .prepare(
        `SELECT count(*) AS n FROM "AuditEvent" e JOIN "User" u ON u.id = e."targetId" WHERE e.action = 'auth.sign_in_failed' AND u.email = ?`,
      )
      .get(EMAIL) as { n: number };
    return row.n;
  } finally {
    db.close();
  }
}

/** The sign-in form's fields exactly as a browser without JavaScript posts them. */
async function formFields(page: Page) {
  await page.goto("/admin/login");
  const fields = await page.evaluate(() =>
    [...new FormData(document.querySelector("form")!).entries()].map(
      ([k, v]) => [k, typeof v === "string" ? v : v.name] as [string, string],
    ),
  );
  return Object.fromEntries(fields);
}

async function post(request: APIRequestContext, fields: Record<string, string>, password: string, origin: string) {
  const res = await request.post("/admin/login", {
    multipart: { ...fields, email: EMAIL, password },
    headers: { Origin: origin, Accept: "text/html" },
    maxRedirects: 0,
  });
  const html = await res.text();
  if (res.headers()["set-cookie"]?.includes("newsroom_session=")) return "signed in";
  if (html.includes("失败次数过多")) return "throttled";
  if (html.includes("邮箱或密码不正确")) return "wrong";
  return `unexpected ${res.status()}`;
}

test("parallel guesses get at most 5 password checks; the owner's browser still signs in", async ({
  browser,
  page,
  request,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const created = spawnSync(
    "npx",
    [
      "--no-install",
      "tsx",
      "--conditions=react-server",
      "scripts/user-create.ts",
      "--email",
      EMAIL,
      "--name",
      "Owner",
      "--role",
      "editor",
      "--password-stdin",
    ],
    { input: PASSWORD, encoding: "utf8", env: { ...process.env, DATABASE_URL: `file:${dbFile}` }, timeout: 60_000 },
  );
  expect(created.stderr).toBe("");

  // The owner signs in once from their browser, which keeps a device cookie, then signs out.
  const owner = await (await browser.newContext()).newPage();
  await signIn(owner, EMAIL, PASSWORD);
  await owner.getByRole("button", { name: "退出登录" }).click();
  await expect(owner).toHaveURL(/\/admin\/login$/);

  // Someone else, without that cookie, sends 12 guesses at once.
  const fields = await formFields(page);
  const origin = new URL(baseURL!).origin;
  const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => post(request, fields, `guess ${i}`, origin)));
  const tally = answers.reduce<Record<string, number>>((n, a) => ({ ...n, [a]: (n[a] ?? 0) + 1 }), {});
  expect(tally).toEqual({ wrong: 5, throttled: 7 });
  expect(failedChecks()).toBe(5);
  // The right password is not checked while the delay runs.
  expect(await post(request, fields, PASSWORD, origin)).toBe("throttled");

  // The owner's browser has its own counter.
  await signIn(owner, EMAIL, PASSWORD);
});
