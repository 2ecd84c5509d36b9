import { mkdtempSync, readdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { beforeAll, describe, expect, test, vi } from "vitest";
import { SESSION_COOKIE, createSession } from "../../src/server/auth/sessions";
import { uploadMedia } from "../../src/server/media/service";
import { DatabaseStore } from "../../src/server/media/store/database";
import { resetDb, testDb } from "../support/db";
import { cookieJar } from "../support/next-request";
import * as uploadRoute from "../../src/app/api/media/route";
import * as fileRoute from "../../src/app/media/[id]/[file]/route";

vi.mock("next/headers", async () => (await import("../support/next-request")).nextHeadersMock());
vi.mock("next/cache", async () => (await import("../support/next-request")).nextCacheMock());

// The media route handlers × every kind of visitor. Route handlers get no built-in CSRF check and
// no page-level guard, so each one is listed here; a media route missing from the table fails.

type Who = "anonymous" | "TRANSLATOR" | "EDITOR" | "ADMIN";
const WHO: Who[] = ["anonymous", "TRANSLATOR", "EDITOR", "ADMIN"];
const db = testDb();
process.env.MEDIA_STORAGE = "database";
process.env.MEDIA_CACHE_DIR = mkdtempSync(path.join(tmpdir(), "newsroom-media-authz-"));
const tokens = {} as Record<Exclude<Who, "anonymous">, string>;
let unpublishedId: string;
const ORIGIN = "http://127.0.0.1:3000";

function actAs(who: Who) {
  cookieJar.clear();
  if (who !== "anonymous") cookieJar.set(SESSION_COOKIE, tokens[who]);
}

beforeAll(async () => {
  await resetDb();
  for (const role of ["ADMIN", "EDITOR", "TRANSLATOR"] as const) {
    const u = await db.user.create({
      data: { email: `${role}@media-authz.test`, displayName: role, role, passwordHash: "x" },
    });
    tokens[role] = (await createSession(db, u.id)).token;
    if (role === "EDITOR") {
      const bytes = await sharp({ create: { width: 8, height: 8, channels: 3, background: "#000" } })
        .png()
        .toBuffer();
      const r = await uploadMedia(db, { id: u.id, role }, { bytes, altZh: "图", altEn: "" }, new DatabaseStore(db));
      if (!r.ok) throw new Error(r.code);
      unpublishedId = r.value.id;
    }
  }
});

const uploadForm = async () => {
  const f = new FormData();
  const bytes = await sharp({ create: { width: 8, height: 8, channels: 3, background: "#fff" } })
    .png()
    .toBuffer();
  f.set("file", new Blob([new Uint8Array(bytes)]), "x.png");
  f.set("altZh", "图");
  return f;
};

const ROUTES: Record<string, { run: () => Promise<Response>; expected: Record<Who, number> }> = {
  "POST /api/media (same origin)": {
    run: async () =>
      uploadRoute.POST(
        new Request(`${ORIGIN}/api/media`, {
          method: "POST",
          headers: { host: "127.0.0.1:3000", origin: ORIGIN },
          body: await uploadForm(),
        }),
      ),
    expected: { anonymous: 401, TRANSLATOR: 201, EDITOR: 201, ADMIN: 201 },
  },
  "POST /api/media (foreign origin)": {
    run: async () =>
      uploadRoute.POST(
        new Request(`${ORIGIN}/api/media`, {
          method: "POST",
          headers: { host: "127.0.0.1:3000", origin: "https://evil.example" },
          body: await uploadForm(),
        }),
      ),
    expected: { anonymous: 403, TRANSLATOR: 403, EDITOR: 403, ADMIN: 403 },
  },
  "GET /api/media": {
    run: () => uploadRoute.GET(),
    expected: { anonymous: 401, TRANSLATOR: 200, EDITOR: 200, ADMIN: 200 },
  },
  "GET /media/[id]/[file] (unpublished)": {
    run: () =>
      fileRoute.GET(new Request(`${ORIGIN}/media/x`), {
        params: Promise.resolve({ id: unpublishedId, file: "original.png" }),
      }),
    expected: { anonymous: 404, TRANSLATOR: 200, EDITOR: 200, ADMIN: 200 },
  },
};

describe("media route handlers × visitor", () => {
  test("the table covers every media route handler", () => {
    const appDir = path.join(process.cwd(), "src/app");
    const walk = (d: string): string[] =>
      readdirSync(d).flatMap((e) =>
        statSync(path.join(d, e)).isDirectory() ? walk(path.join(d, e)) : e === "route.ts" ? [path.join(d, e)] : [],
      );
    const found = [...walk(path.join(appDir, "api/media")), ...walk(path.join(appDir, "media"))]
      .map((f) => path.relative(appDir, f))
      .sort();
    expect(found).toEqual(["api/media/route.ts", "media/[id]/[file]/route.ts"]);
    const methods = [uploadRoute, fileRoute].flatMap((m) => Object.keys(m).filter((k) => /^[A-Z]+$/.test(k)));
    expect(methods.sort()).toEqual(["GET", "GET", "POST"]);
  });

  const cases = Object.entries(ROUTES).flatMap(([route, spec]) =>
    WHO.map((who) => ({ route, who, expected: spec.expected[who] })),
  );
  test.each(cases)("$route as $who → $expected", async ({ route, who, expected }) => {
    actAs(who);
    const before = await db.media.count();
    const response = await ROUTES[route]!.run();
    expect(response.status).toBe(expected);
    if (route.startsWith("POST")) expect(await db.media.count()).toBe(before + (expected === 201 ? 1 : 0));
  });
});
