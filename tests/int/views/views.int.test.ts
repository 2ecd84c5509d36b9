import { beforeAll, expect, test, vi } from "vitest";
import { textToDoc } from "../../../src/domain/release/content";
import { SESSION_COOKIE, createSession } from "../../../src/server/auth/sessions";
import { createDb } from "../../../src/server/db/client";
import { createRelease, runWorkflow, saveContent } from "../../../src/server/releases/lifecycle";
import { recordViews, viewsOfRelease } from "../../../src/server/views/record";
import { resetDb, testDb } from "../../support/db";
import { cookieJar } from "../../support/next-request";
import * as csvRoute from "../../../src/app/admin/(app)/releases/[id]/views.csv/route";

vi.mock("next/headers", async () => (await import("../../support/next-request")).nextHeadersMock());
vi.mock("next/cache", async () => (await import("../../support/next-request")).nextCacheMock());

// Views per release (docs/PRESS-KIT.md "Views"): batches become one row per release, day and
// edition; two instances (two database clients) add up; the CSV is for editors and defused.

const db = testDb();
let releaseId: string;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  await resetDb();
  for (const role of ["EDITOR", "TRANSLATOR"] as const) {
    const u = await db.user.create({ data: { email: `${role}@v.test`, displayName: role, role, passwordHash: "x" } });
    tokens[role] = (await createSession(db, u.id)).token;
  }
  const editor = { id: (await db.user.findFirstOrThrow({ where: { role: "EDITOR" } })).id, role: "EDITOR" as const };
  const content = (title: string) => ({
    title,
    summary: `${title} s`,
    slug: "viewed",
    body: JSON.stringify(textToDoc(title)),
  });
  const created = await createRelease(db, editor, content('=HYPERLINK("http://evil")'), {
    categoryId: null,
    releaseDate: null,
  });
  if (!created.ok) throw new Error(created.code);
  releaseId = created.value.id;
  const en = await saveContent(db, editor, releaseId, "en", content("Viewed"), created.value.version);
  if (!en.ok) throw new Error(en.code);
  const marked = await runWorkflow(db, editor, releaseId, { type: "markTranslated" }, en.value.version);
  if (!marked.ok) throw new Error(marked.code);
  const pub = await runWorkflow(db, editor, releaseId, { type: "publish" }, marked.value.version);
  if (!pub.ok) throw new Error(pub.code);
});

test("batches from two instances add up, one row per release, day and edition; junk adds nothing", async () => {
  const other = createDb(process.env.DATABASE_URL!); // a second instance's client
  const batch = [
    { day: "2026-12-04", edition: "zh", slug: "viewed", count: 3 },
    { day: "2026-12-04", edition: "en", slug: "viewed", count: 2 },
    { day: "2026-12-05", edition: "zh", slug: "viewed", count: 1 },
    { day: "2026-12-04", edition: "zh", slug: "no-such-release", count: 9 },
    { day: "not a day", edition: "zh", slug: "viewed", count: 9 },
    { day: "2026-12-04", edition: "xx", slug: "viewed", count: 9 },
    { day: "2026-12-04", edition: "zh", slug: "viewed", count: -5 },
    { day: "2026-12-04", edition: "zh", slug: "%E0%A4%A", count: 9 },
  ];
  await Promise.all([recordViews(db, batch), recordViews(other, batch)]);
  await other.$disconnect();
  expect(await viewsOfRelease(db, releaseId)).toEqual([
    { day: "2026-12-05", edition: "zh", count: 2 },
    { day: "2026-12-04", edition: "en", count: 4 },
    { day: "2026-12-04", edition: "zh", count: 6 },
  ]);
  expect(await db.releaseView.count()).toBe(3);
});

test("the CSV: editors only, every cell defused against formulas", async () => {
  const get = async (who: "EDITOR" | "TRANSLATOR" | null, id = releaseId) => {
    cookieJar.clear();
    if (who) cookieJar.set(SESSION_COOKIE, tokens[who]!);
    return csvRoute.GET(new Request(`http://localhost/admin/releases/${id}/views.csv`), {
      params: Promise.resolve({ id }),
    });
  };
  expect((await get(null)).status).toBe(401);
  expect((await get("TRANSLATOR")).status).toBe(403);
  expect((await get("EDITOR", "nope")).status).toBe(404);
  const res = await get("EDITOR");
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
  const lines = (await res.text())
    .replace(/^\uFEFF/, "")
    .trim()
    .split("\r\n");
  expect(lines[0]).toBe("release_id,title,day,edition,views");
  expect(lines[1]).toBe(`${releaseId},"'=HYPERLINK(""http://evil"")",2026-12-05,zh,2`);
  expect(lines).toHaveLength(4);
});
