import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, test, vi } from "vitest";
import { SESSION_COOKIE, createSession } from "../../src/server/auth/sessions";
import { seedDemo } from "../../src/server/seed/demo";
import { resetDb, testDb } from "../support/db";
import { cookieJar, outcome } from "../support/next-request";

vi.mock("next/headers", async () => (await import("../support/next-request")).nextHeadersMock());
vi.mock("next/cache", async () => (await import("../support/next-request")).nextCacheMock());

// Every admin page and every server action, called as each kind of visitor, against the real
// database. The tables below are the specification; a page or action missing from them fails.

type Who = "anonymous" | "TRANSLATOR" | "EDITOR" | "ADMIN";
const WHO: Who[] = ["anonymous", "TRANSLATOR", "EDITOR", "ADMIN"];
const db = testDb();
const tokens = {} as Record<Exclude<Who, "anonymous">, string>;
const userIds = {} as Record<Exclude<Who, "anonymous">, string>;
let releaseId: string;
const pageIds: Record<string, string> = {}; // pages whose [id] is not a release

function files(dir: string, name: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    return statSync(full).isDirectory() ? files(full, name) : entry === name ? [full] : [];
  });
}

function actAs(who: Who) {
  cookieJar.clear();
  if (who !== "anonymous") cookieJar.set(SESSION_COOKIE, tokens[who]);
}

beforeAll(async () => {
  await resetDb();
  await seedDemo(db, "newsroom-demo");
  for (const user of await db.user.findMany()) {
    tokens[user.role] = (await createSession(db, user.id)).token;
    userIds[user.role] = user.id;
  }
  releaseId = (await db.release.findFirstOrThrow({ where: { status: "TRANSLATED" } })).id;
  pageIds["admin/(app)/distribution/lists/[id]/page.tsx"] = (
    await db.journalistList.create({ data: { name: "L" } })
  ).id;
  pageIds["admin/(app)/mail/[id]/page.tsx"] = (
    await db.localMail.create({ data: { recipient: "a@example.org", subject: "S", raw: "R" } })
  ).id;
});

describe("admin pages", () => {
  // ok = renders; login = redirected to sign-in; 404 = existence not revealed.
  const PAGES: Record<string, Record<Who, "ok" | "login" | "404">> = {
    "admin/(app)/page.tsx": { anonymous: "login", TRANSLATOR: "ok", EDITOR: "ok", ADMIN: "ok" },
    "admin/(app)/releases/page.tsx": { anonymous: "login", TRANSLATOR: "ok", EDITOR: "ok", ADMIN: "ok" },
    "admin/(app)/releases/new/page.tsx": { anonymous: "login", TRANSLATOR: "404", EDITOR: "ok", ADMIN: "ok" },
    "admin/(app)/releases/[id]/page.tsx": { anonymous: "login", TRANSLATOR: "ok", EDITOR: "ok", ADMIN: "ok" },
    "admin/(app)/releases/[id]/translate/page.tsx": { anonymous: "login", TRANSLATOR: "ok", EDITOR: "ok", ADMIN: "ok" },
    "admin/(app)/releases/[id]/history/page.tsx": { anonymous: "login", TRANSLATOR: "ok", EDITOR: "ok", ADMIN: "ok" },
    "admin/(app)/search/page.tsx": { anonymous: "login", TRANSLATOR: "ok", EDITOR: "ok", ADMIN: "ok" },
    "admin/(app)/audit/page.tsx": { anonymous: "login", TRANSLATOR: "404", EDITOR: "ok", ADMIN: "ok" },
    "admin/(app)/users/page.tsx": { anonymous: "login", TRANSLATOR: "404", EDITOR: "404", ADMIN: "ok" },
    "admin/(app)/account/page.tsx": { anonymous: "login", TRANSLATOR: "ok", EDITOR: "ok", ADMIN: "ok" },
    "admin/(app)/media/page.tsx": { anonymous: "login", TRANSLATOR: "ok", EDITOR: "ok", ADMIN: "ok" },
    "admin/(app)/glossary/page.tsx": { anonymous: "login", TRANSLATOR: "ok", EDITOR: "ok", ADMIN: "ok" },
    "admin/(app)/hant/page.tsx": { anonymous: "login", TRANSLATOR: "404", EDITOR: "ok", ADMIN: "ok" },
    "admin/(app)/tm/page.tsx": { anonymous: "login", TRANSLATOR: "ok", EDITOR: "ok", ADMIN: "ok" },
    "admin/(app)/my/page.tsx": { anonymous: "login", TRANSLATOR: "ok", EDITOR: "ok", ADMIN: "ok" },
    "admin/(app)/notifications/page.tsx": { anonymous: "login", TRANSLATOR: "ok", EDITOR: "ok", ADMIN: "ok" },
    "admin/login/page.tsx": { anonymous: "ok", TRANSLATOR: "login", EDITOR: "login", ADMIN: "login" },
    "preview/[id]/[locale]/page.tsx": { anonymous: "404", TRANSLATOR: "ok", EDITOR: "ok", ADMIN: "ok" },
    "admin/(app)/distribution/page.tsx": { anonymous: "login", TRANSLATOR: "404", EDITOR: "ok", ADMIN: "ok" },
    "admin/(app)/distribution/lists/[id]/page.tsx": {
      anonymous: "login",
      TRANSLATOR: "404",
      EDITOR: "ok",
      ADMIN: "ok",
    },
    "admin/(app)/releases/[id]/delivery/page.tsx": { anonymous: "login", TRANSLATOR: "404", EDITOR: "ok", ADMIN: "ok" },
    "admin/(app)/mail/page.tsx": { anonymous: "login", TRANSLATOR: "404", EDITOR: "ok", ADMIN: "ok" },
    "admin/(app)/mail/[id]/page.tsx": { anonymous: "login", TRANSLATOR: "404", EDITOR: "ok", ADMIN: "ok" },
    "admin/(app)/webhooks/page.tsx": { anonymous: "login", TRANSLATOR: "404", EDITOR: "404", ADMIN: "ok" },
    "admin/(app)/contacts/page.tsx": { anonymous: "login", TRANSLATOR: "404", EDITOR: "ok", ADMIN: "ok" },
  };
  const appDir = path.join(process.cwd(), "src/app");
  const found = [...files(path.join(appDir, "admin"), "page.tsx"), ...files(path.join(appDir, "preview"), "page.tsx")]
    .map((f) => path.relative(appDir, f))
    .sort();

  test("the table lists every admin and preview page", () => {
    expect(Object.keys(PAGES).sort()).toEqual(found);
  });

  const cases = Object.entries(PAGES).flatMap(([page, byWho]) =>
    WHO.map((who) => ({ page, who, expected: byWho[who] })),
  );
  test.each(cases)("$page as $who → $expected", async ({ page, who, expected }) => {
    actAs(who);
    const mod = (await import(/* @vite-ignore */ path.join(appDir, page))) as {
      default: (p: unknown) => Promise<unknown>;
    };
    const props = {
      params: Promise.resolve({ id: pageIds[page] ?? releaseId, locale: "en" }),
      searchParams: Promise.resolve({}),
    };
    const result = await outcome(() => mod.default(props));
    // The sign-in page sends signed-in users on to the dashboard; everything else to sign-in.
    const want = expected === "login" && page === "admin/login/page.tsx" ? { kind: "redirect", to: "/admin" } : null;
    if (want) expect(result).toMatchObject(want);
    else if (expected === "login") expect(result).toMatchObject({ kind: "redirect", to: "/admin/login" });
    else if (expected === "404") expect(result.kind).toBe("notFound");
    else expect(result.kind).toBe("ok");
  });
});
