import { execFileSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, test, vi } from "vitest";
import { releaseXliff } from "../../src/server/xliff/export";
import { resetDb, testDb } from "../support/db";
import { WHO, actAs as visitAs, sessionsOf, type Tokens, type Who } from "../support/visitors";
import { release, staff } from "../support/workbench";
import * as xliffRoute from "../../src/app/admin/(app)/releases/[id]/xliff/route";
import * as bulkRoute from "../../src/app/admin/(app)/xliff/route";
import * as csvRoute from "../../src/app/admin/(app)/glossary/csv/route";

vi.mock("next/headers", async () => (await import("../support/next-request")).nextHeadersMock());
vi.mock("next/cache", async () => (await import("../support/next-request")).nextCacheMock());

// The translator workbench's route handlers × every kind of visitor. Route handlers get no page
// guard and no built-in CSRF check, so each is listed; one missing from the table fails.

const db = testDb();
const ORIGIN = "http://127.0.0.1:3000";
let tokens: Tokens;
let draftId: string;
let publishedId: string;

const actAs = (who: Who) => visitAs(tokens, who);

beforeAll(async () => {
  await resetDb();
  const who = await staff(db, "routes");
  tokens = await sessionsOf(db, who);
  const zh = { title: "需要英文", summary: "摘要", paragraphs: ["一段。"] };
  draftId = (await release(db, who, zh, null, "draft")).id;
  publishedId = (
    await release(db, who, { ...zh, title: "已发布" }, { title: "Done", summary: "S", paragraphs: ["P."] })
  ).id;
});

const params = (id: string) => ({ params: Promise.resolve({ id }) });
const upload = async (origin: string) => {
  const xml = (await releaseXliff(db, draftId, "1.2"))!.xml.replace(
    /<\/source>\n(\s*)<\/trans-unit>/g,
    '</source><target state="final">EN</target>\n$1</trans-unit>',
  );
  const f = new FormData();
  f.set("file", new Blob([xml]), "t.xlf");
  return xliffRoute.POST(
    new Request(`${ORIGIN}/admin/releases/${draftId}/xliff`, {
      method: "POST",
      headers: { host: "127.0.0.1:3000", origin },
      body: f,
    }),
    params(draftId),
  );
};
const ALL = { anonymous: 401, TRANSLATOR: 200, EDITOR: 200, ADMIN: 200 };

const ROUTES: Record<string, { run: () => Promise<Response>; expected: Record<Who, number> }> = {
  "GET /admin/releases/[id]/xliff?version=1.2": {
    run: () => xliffRoute.GET(new Request(`${ORIGIN}/admin/releases/${draftId}/xliff?version=1.2`), params(draftId)),
    expected: ALL,
  },
  "GET /admin/releases/[id]/xliff?version=9": {
    run: () => xliffRoute.GET(new Request(`${ORIGIN}/admin/releases/${draftId}/xliff?version=9`), params(draftId)),
    expected: { anonymous: 401, TRANSLATOR: 400, EDITOR: 400, ADMIN: 400 },
  },
  "POST /admin/releases/[id]/xliff (same origin)": { run: () => upload(ORIGIN), expected: ALL },
  "POST /admin/releases/[id]/xliff (foreign origin)": {
    run: () => upload("https://evil.example"),
    expected: { anonymous: 403, TRANSLATOR: 403, EDITOR: 403, ADMIN: 403 },
  },
  "GET /admin/xliff?version=2.0": {
    run: () => bulkRoute.GET(new Request(`${ORIGIN}/admin/xliff?version=2.0`)),
    expected: ALL,
  },
  "GET /admin/glossary/csv": { run: () => csvRoute.GET(), expected: ALL },
};

describe("workbench route handlers × visitor", () => {
  test("the table covers every route handler under /admin", () => {
    const admin = path.join(process.cwd(), "src/app/admin");
    const walk = (d: string): string[] =>
      readdirSync(d).flatMap((e) =>
        statSync(path.join(d, e)).isDirectory() ? walk(path.join(d, e)) : e === "route.ts" ? [path.join(d, e)] : [],
      );
    expect(
      walk(admin)
        .map((f) => path.relative(admin, f))
        .sort(),
    ).toEqual([
      "(app)/glossary/csv/route.ts",
      "(app)/releases/[id]/presskit/route.ts", // tests/security/presskit-routes.test.ts
      "(app)/releases/[id]/views.csv/route.ts", // tests/security/presskit-routes.test.ts
      "(app)/releases/[id]/xliff/route.ts",
      "(app)/xliff/route.ts",
    ]);
    const methods = [xliffRoute, bulkRoute, csvRoute].flatMap((m) => Object.keys(m).filter((k) => /^[A-Z]+$/.test(k)));
    expect(methods.sort()).toEqual(["GET", "GET", "GET", "POST"]);
  });

  const cases = Object.entries(ROUTES).flatMap(([route, spec]) =>
    WHO.map((who) => ({ route, who, expected: spec.expected[who] })),
  );
  test.each(cases)("$route as $who → $expected", async ({ route, who, expected }) => {
    actAs(who);
    const before = await db.revision.count({ where: { releaseId: draftId, locale: "en" } });
    const response = await ROUTES[route]!.run();
    expect(response.status).toBe(expected);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    if (route.startsWith("POST") && expected !== 200) {
      expect(await db.revision.count({ where: { releaseId: draftId, locale: "en" } })).toBe(before);
    }
    await response.body?.cancel();
  });
});

test("the bulk zip holds every release that needs English, and only those", async () => {
  actAs("TRANSLATOR");
  const response = await bulkRoute.GET(new Request(`${ORIGIN}/admin/xliff?version=1.2`));
  expect(response.headers.get("content-type")).toBe("application/zip");
  const bytes = Buffer.from(await response.arrayBuffer());
  const listing = execFileSync(
    "python3",
    [
      "-c",
      "import sys,zipfile,io; z=zipfile.ZipFile(io.BytesIO(sys.stdin.buffer.read())); print('\\n'.join(z.namelist())); z.testzip()",
    ],
    { input: bytes, encoding: "utf8" },
  );
  const slugs = await db.releaseContent.findMany({ where: { locale: "zh" }, select: { releaseId: true, slug: true } });
  const slug = (id: string) => slugs.find((s) => s.releaseId === id)!.slug;
  expect(listing.trim().split("\n")).toEqual([`${slug(draftId)}.zh-CN_en.v12.xlf`]);
  expect(listing).not.toContain(slug(publishedId));
});
