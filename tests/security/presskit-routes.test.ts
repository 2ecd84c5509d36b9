import { beforeAll, describe, expect, test, vi } from "vitest";
import { demoPdf } from "../../src/server/seed/demo-presskit";
import { resetDb, testDb } from "../support/db";
import { WHO, actAs, sessionsOf, type Tokens, type Who } from "../support/visitors";
import { release, staff } from "../support/workbench";
import * as uploadRoute from "../../src/app/admin/(app)/releases/[id]/presskit/route";
import * as viewsRoute from "../../src/app/admin/(app)/releases/[id]/views.csv/route";

vi.mock("next/headers", async () => (await import("../support/next-request")).nextHeadersMock());
vi.mock("next/cache", async () => (await import("../support/next-request")).nextCacheMock());

// The press kit's admin route handlers × every kind of visitor (docs/PRESS-KIT.md): the upload
// (same origin, editors and administrators) and the views CSV (editors and administrators).
// A refused upload stores nothing.

const db = testDb();
const ORIGIN = "http://127.0.0.1:3000";
let tokens: Tokens;
let releaseId: string;

beforeAll(async () => {
  await resetDb();
  const who = await staff(db, "kit-routes");
  tokens = await sessionsOf(db, who);
  releaseId = (await release(db, who, { title: "资料包", summary: "摘要", paragraphs: ["一段。"] }, null, "draft")).id;
});

const params = (id: string) => ({ params: Promise.resolve({ id }) });
const upload = (origin: string, name = "annex.pdf", bytes = demoPdf("x")) => {
  const f = new FormData();
  f.set("kind", "document");
  f.set("file", new Blob([new Uint8Array(bytes)]), name);
  f.set("titleZh", "附件");
  return uploadRoute.POST(
    new Request(`${ORIGIN}/admin/releases/${releaseId}/presskit`, {
      method: "POST",
      headers: { host: "127.0.0.1:3000", origin },
      body: f,
    }),
    params(releaseId),
  );
};
const ED_AD = (ok: number, refused: number) => ({ anonymous: refused, TRANSLATOR: refused, EDITOR: ok, ADMIN: ok });

const ROUTES: Record<string, { run: () => Promise<Response>; expected: Record<Who, number>; location?: string }> = {
  "POST /admin/releases/[id]/presskit (same origin)": {
    run: () => upload(ORIGIN),
    expected: ED_AD(303, 403),
    location: "?kit=added#presskit",
  },
  "POST /admin/releases/[id]/presskit (foreign origin)": {
    run: () => upload("https://evil.example"),
    expected: ED_AD(403, 403),
  },
  "POST /admin/releases/[id]/presskit (HTML disguised as PDF)": {
    run: () => upload(ORIGIN, "x.pdf", Buffer.from("<html><script>alert(1)</script>")),
    expected: ED_AD(303, 403),
    location: "?kit=kit_type_not_allowed#presskit",
  },
  "GET /admin/releases/[id]/views.csv": {
    run: () => viewsRoute.GET(new Request(`${ORIGIN}/admin/releases/${releaseId}/views.csv`), params(releaseId)),
    expected: { anonymous: 401, TRANSLATOR: 403, EDITOR: 200, ADMIN: 200 },
  },
};

describe("press kit route handlers × visitor", () => {
  const cases = Object.entries(ROUTES).flatMap(([route, spec]) =>
    WHO.map((who) => ({ route, who, expected: spec.expected[who] })),
  );
  test.each(cases)("$route as $who → $expected", async ({ route, who, expected }) => {
    actAs(tokens, who);
    const before = await db.releaseFile.count();
    const spec = ROUTES[route]!;
    const response = await spec.run();
    expect(response.status).toBe(expected);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    if (expected === 303) expect(response.headers.get("location")).toContain(spec.location);
    const added = expected === 303 && spec.location === "?kit=added#presskit" ? 1 : 0;
    if (route.startsWith("POST")) expect(await db.releaseFile.count()).toBe(before + added);
    await response.body?.cancel();
  });
});
