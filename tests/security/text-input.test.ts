import { beforeAll, describe, expect, test, vi } from "vitest";
import { altSchema } from "../../src/domain/media/schemas";
import { SESSION_COOKIE, createSession } from "../../src/server/auth/sessions";
import { seedDemo } from "../../src/server/seed/demo";
import { resetDb, testDb } from "../support/db";
import { cookieJar, outcome } from "../support/next-request";
import * as account from "../../src/server/auth/actions";
import * as releases from "../../src/server/releases/actions";
import * as users from "../../src/server/auth/user-actions";

vi.mock("next/headers", async () => (await import("../support/next-request")).nextHeadersMock());
vi.mock("next/cache", async () => (await import("../support/next-request")).nextCacheMock());

// Text as hostile clients send it, through the real server actions and database: lone UTF-16
// surrogates (which crashed Prisma with a 500) are made well-formed in every text field, and a
// body the editor's schema refuses is refused with what and where, changing nothing.

const db = testDb();
const LONE = ["\uD800", "\uDFFF", "a\uDBFFb", "\uDC00\uD800"];
const isWellFormed = (s: string) => s.isWellFormed();
const doc = (text: string) =>
  JSON.stringify({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });
let admin: string;
let n = 0;

beforeAll(async () => {
  await resetDb();
  await seedDemo(db, "newsroom-demo-password");
  const user = await db.user.findUniqueOrThrow({ where: { email: "admin@example.com" } });
  admin = user.id;
  cookieJar.set(SESSION_COOKIE, (await createSession(db, user.id)).token);
});

const form = (entries: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(entries)) f.set(k, v);
  return f;
};

describe.each(LONE)("lone surrogates %j", (bad) => {
  test("in a new release's title, summary and body: saved well-formed", async () => {
    const slug = `surrogate-${++n}`;
    const result = await releases.createReleaseAction({
      title: `标题${bad}`,
      summary: `摘要${bad}`,
      body: doc(`正文${bad}`),
      slug,
      categoryId: "",
      releaseDate: "",
    });
    expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
    const saved = await db.releaseContent.findFirstOrThrow({ where: { slug } });
    for (const field of [saved.title, saved.summary, saved.body, saved.bodyText]) {
      expect(isWellFormed(field)).toBe(true);
      expect(field).toContain("\uFFFD");
    }
  });

  test("in a translation and its source fingerprint: saved well-formed", async () => {
    const release = await db.release.findFirstOrThrow({ where: { status: "DRAFT" } });
    const result = await releases.saveTranslationAction(release.id, release.version, {
      title: `T${bad}`,
      summary: `S${bad}`,
      body: doc(`B${bad}`),
      slug: `translated-${++n}`,
      sourceFingerprint: bad,
    });
    expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
    const en = await db.releaseContent.findFirstOrThrow({ where: { releaseId: release.id, locale: "en" } });
    expect([en.title, en.summary, en.bodyText].every(isWellFormed)).toBe(true);
  });

  test("in a new user's name and in sign-in and password forms: no 500", async () => {
    const created = await users.createUserAction(
      {},
      form({ email: `u${++n}@x.test`, displayName: `名${bad}`, role: "EDITOR", password: `long password ${bad}` }),
    );
    expect(created).toMatchObject({ ok: true });
    const user = await db.user.findUniqueOrThrow({ where: { email: `u${n}@x.test` } });
    expect(user.displayName).toBe(`名${bad.toWellFormed()}`);

    const signIn = await outcome(() =>
      account.signInAction({}, form({ email: `x${bad}@x.test`, password: `p${bad}` })),
    );
    expect(signIn).toMatchObject({ kind: "ok", value: { error: "invalid_credentials" } });
    const change = await account.changePasswordAction(
      {},
      form({ currentPassword: bad, newPassword: `n${bad}`.repeat(10), confirmPassword: `n${bad}`.repeat(10) }),
    );
    expect(change).toMatchObject({ error: "wrong_password" });
    const audit = await db.auditEvent.findMany({ where: { createdAt: { gte: new Date(Date.now() - 60_000) } } });
    expect(audit.every((e) => isWellFormed(e.detail ?? ""))).toBe(true);
  });

  test("in alt texts", () => {
    expect(altSchema.parse({ altZh: `图${bad}`, altEn: bad })).toEqual({
      altZh: `图${bad.toWellFormed()}`,
      altEn: bad.toWellFormed(),
    });
  });
});

describe("a body the editor cannot hold", () => {
  test.each([
    ["an unknown node", { type: "html", content: [{ type: "text", text: "x" }] }, { item: "html", block: 2 }],
    ["text outside paragraphs", { type: "text", text: "loose" }, { item: "text", block: 2 }],
  ])("%s is refused with what and where; nothing changes", async (_name, extra, params) => {
    const release = await db.release.findFirstOrThrow({ where: { status: "DRAFT" }, include: { contents: true } });
    const zh = release.contents.find((c) => c.locale === "zh")!;
    const body = JSON.stringify({
      type: "doc",
      content: [{ type: "paragraph", content: [{ type: "text", text: "ok" }] }, extra],
    });
    const result = await releases.saveOriginalAction(release.id, release.version, {
      title: zh.title,
      summary: zh.summary,
      slug: zh.slug,
      body,
      categoryId: "",
      releaseDate: "",
    });
    expect(result).toEqual({
      ok: false,
      code: "body_unsupported",
      params,
      fieldErrors: { body: "body_unsupported" },
    });
    const after = await db.release.findUniqueOrThrow({ where: { id: release.id }, include: { contents: true } });
    expect(after.version).toBe(release.version);
    expect(after.contents.find((c) => c.locale === "zh")!.body).toBe(zh.body);
    expect(admin).toBeTruthy();
  });

  test("a revision stored before the check is not restored", async () => {
    const release = await db.release.findFirstOrThrow({ where: { status: "DRAFT" }, include: { revisions: true } });
    const old = release.revisions.find((r) => r.locale === "zh")!;
    const body = JSON.stringify({ type: "doc", content: [{ type: "script", content: [{ type: "text", text: "x" }] }] });
    const legacy = await db.revision.create({
      data: { ...old, id: undefined, number: 999, body, createdAt: undefined },
    });
    const result = await releases.restoreRevisionAction(release.id, legacy.id, release.version);
    expect(result).toEqual({ ok: false, code: "body_unsupported", params: { item: "script", block: 1 } });
    expect((await db.release.findUniqueOrThrow({ where: { id: release.id } })).version).toBe(release.version);
  });
});
