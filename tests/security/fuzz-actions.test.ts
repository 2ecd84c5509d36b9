import fc from "fast-check";
import { beforeAll, describe, expect, test, vi } from "vitest";
import { SESSION_COOKIE, createSession } from "../../src/server/auth/sessions";
import { seedDemo } from "../../src/server/seed/demo";
import { resetDb, testDb } from "../support/db";
import { cookieJar } from "../support/next-request";
import * as account from "../../src/server/auth/actions";
import * as releases from "../../src/server/releases/actions";
import * as users from "../../src/server/auth/user-actions";
import * as distribution from "../../src/server/distribution/actions";
import * as webhooks from "../../src/server/webhooks/actions";
import * as glossary from "../../src/server/glossary/actions";
import * as contacts from "../../src/server/contacts/actions";
import * as presskit from "../../src/server/presskit/actions";
import * as tm from "../../src/server/tm/actions";
import * as assignments from "../../src/server/assignments/actions";
import * as notifications from "../../src/server/notifications/actions";
import * as check from "../../src/server/check/actions";

vi.mock("next/headers", async () => (await import("../support/next-request")).nextHeadersMock());
vi.mock("next/cache", async () => (await import("../support/next-request")).nextCacheMock());

// Generated hostile input for every server action, signed in as an administrator (who may do the
// most): an action answers with a result or a validation error, never throws (a 500), and bad input
// changes nothing.

const db = testDb();
const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
let releaseId: string;
let fingerprint: string;

const hostileString = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: "binary", maxLength: 300 }),
  fc.constantFrom(
    "",
    " ",
    "\u0000",
    "\uD800", // lone surrogate: invalid UTF-16/UTF-8
    "<script>alert(1)</script>",
    "javascript:alert(1)",
    "' OR 1=1 --",
    "../../etc/passwd",
    "%00",
    "x".repeat(600_000),
    '{"type":"doc","content":[{"type":"paragraph","content":[{"type":"text","text":"ok"}]}]}',
    '{"type":"doc","content":' + "[".repeat(5000) + "]".repeat(5000) + "}",
    '{"type":"doc","content":[' + '{"type":"paragraph","content":['.repeat(20_000) + "]}".repeat(20_000) + "]}",
    "NaN",
    "-1",
    "1e309",
  ),
);
const hostileValue = fc.oneof(
  hostileString,
  fc.anything({ maxDepth: 3 }),
  fc.integer(),
  fc.double(),
  fc.constant(null),
  fc.constant(undefined),
);
const contentLike = fc.record(
  {
    title: hostileValue,
    summary: hostileValue,
    body: hostileValue,
    slug: hostileValue,
    categoryId: hostileValue,
    releaseDate: hostileValue,
    sourceFingerprint: hostileValue,
  },
  { requiredKeys: [] },
);
const formLike = fc.dictionary(
  fc.constantFrom(
    "email",
    "displayName",
    "role",
    "password",
    "userId",
    "disabled",
    "locale",
    "currentPassword",
    "newPassword",
    "confirmPassword",
    "next",
    "$ACTION_ID_x",
    "name",
    "organisation",
    "language",
    "categoryIds",
    "listId",
    "listIds",
    "journalistId",
    "grantId",
    "releaseId",
    "token",
    "url",
    "events",
    "intent",
    "webhookId",
    "file",
    // translator workbench
    "id",
    "term",
    "approved",
    "forbidden",
    "note",
    "category",
    "enabled",
    "assigneeId",
    "dueAt",
    // press kit
    "nameZh",
    "nameEn",
    "titleZh",
    "titleEn",
    "phone",
    "contactId",
    "remove",
    "creditZh",
    "creditEn",
  ),
  hostileString,
);
const formCase = (name: string, action: (prev: object, f: FormData) => Promise<unknown>) =>
  [name, formLike.map((f) => () => action({}, toForm(f)))] as [string, fc.Arbitrary<() => Promise<unknown>>];

const toForm = (entries: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(entries)) f.set(k, v);
  return f;
};

const state = async () => {
  const r = await db.release.findUniqueOrThrow({ where: { id: releaseId }, include: { contents: true } });
  return JSON.stringify([
    r.version,
    r.status,
    r.contents.map((c) => c.fingerprint).sort(),
    await db.release.count(),
    await db.user.count(),
  ]);
};

beforeAll(async () => {
  await resetDb();
  await seedDemo(db, "newsroom-demo");
  const admin = await db.user.findUniqueOrThrow({ where: { email: "admin@example.com" } });
  cookieJar.set(SESSION_COOKIE, (await createSession(db, admin.id)).token);
  const release = await db.release.findFirstOrThrow({ where: { status: "DRAFT" }, include: { contents: true } });
  releaseId = release.id;
  fingerprint = release.contents[0]!.fingerprint;
});

describe(`fuzzed server actions (${RUNS} runs each)`, () => {
  const cases: [string, fc.Arbitrary<() => Promise<unknown>>][] = [
    ["createReleaseAction", contentLike.map((input) => () => releases.createReleaseAction(input))],
    [
      "saveOriginalAction",
      fc.tuple(hostileValue, contentLike).map(
        ([v, input]) =>
          () =>
            releases.saveOriginalAction(releaseId, v as number, input),
      ),
    ],
    [
      "saveTranslationAction",
      fc.tuple(hostileValue, contentLike).map(
        ([v, input]) =>
          () =>
            releases.saveTranslationAction(releaseId, v as number, input),
      ),
    ],
    [
      "workflowAction",
      fc.tuple(hostileValue, hostileValue, hostileValue).map(
        ([id, v, cmd]) =>
          () =>
            releases.workflowAction(id as string, v as number, cmd),
      ),
    ],
    [
      "restoreRevisionAction",
      fc.tuple(hostileValue, hostileValue, hostileValue).map(
        ([id, rev, v]) =>
          () =>
            releases.restoreRevisionAction(id as string, rev as string, v as number),
      ),
    ],
    ["createUserAction", formLike.map((f) => () => users.createUserAction({}, toForm(f)))],
    ["changeRoleAction", formLike.map((f) => () => users.changeRoleAction({}, toForm(f)))],
    ["resetPasswordAction", formLike.map((f) => () => users.resetPasswordAction({}, toForm(f)))],
    ["setLanguageAction", formLike.map((f) => () => account.setLanguageAction({}, toForm(f)))],
    ["changePasswordAction", formLike.map((f) => () => account.changePasswordAction({}, toForm(f)))],
    ["signInAction", formLike.map((f) => () => account.signInAction({}, toForm(f)))],
    ...Object.entries({ ...distribution, ...webhooks })
      .filter(([name]) => !["previewRecipientsAction", "publishOptionsAction"].includes(name))
      .map(([name, action]) => formCase(name, action as (prev: object, f: FormData) => Promise<unknown>)),
    [
      "previewRecipientsAction",
      fc.tuple(hostileValue, hostileValue).map(
        ([id, choice]) =>
          () =>
            distribution.previewRecipientsAction(id, choice),
      ),
    ],
    ["publishOptionsAction", hostileValue.map((id) => () => distribution.publishOptionsAction(id))],
    ["saveGlossaryTermAction", formLike.map((f) => () => glossary.saveGlossaryTermAction({}, toForm(f)))],
    ["deleteGlossaryTermAction", formLike.map((f) => () => glossary.deleteGlossaryTermAction({}, toForm(f)))],
    ["setTermBlockingAction", formLike.map((f) => () => glossary.setTermBlockingAction({}, toForm(f)))],
    [
      "importGlossaryCsvAction",
      hostileString.map((text) => () => {
        const f = new FormData();
        f.set("file", new Blob([`term_zh,approved_en\n${text}`]), "g.csv");
        return glossary.importGlossaryCsvAction({}, f);
      }),
    ],
    ["deleteTmUnitAction", formLike.map((f) => () => tm.deleteTmUnitAction({}, toForm(f)))],
    ["assignTranslationAction", formLike.map((f) => () => assignments.assignTranslationAction({}, toForm(f)))],
    ["unassignTranslationAction", formLike.map((f) => () => assignments.unassignTranslationAction({}, toForm(f)))],
    ["markNotificationReadAction", formLike.map((f) => () => notifications.markNotificationReadAction({}, toForm(f)))],
    ["checkTranslationAction", hostileValue.map((id) => () => check.checkTranslationAction(id))],
    ...Object.entries({ ...contacts, ...presskit }).map(([name, action]) =>
      formCase(name, action as (prev: object, f: FormData) => Promise<unknown>),
    ),
  ];

  test.each(cases)("%s never throws on generated input", async (_name, arbitrary) => {
    let tried = 0;
    await fc.assert(
      fc.asyncProperty(arbitrary, async (call) => {
        tried++;
        const result = (await call()) as { ok?: boolean };
        expect(typeof result).toBe("object");
      }),
      { numRuns: RUNS },
    );
    expect(tried).toBe(RUNS);
  });

  test("invalid versions and bodies change nothing", async () => {
    const before = await state();
    for (const version of [0, -1, 1.5, Number.NaN, "1", null]) {
      const r = await releases.saveOriginalAction(releaseId, version as number, {
        title: "x",
        summary: "",
        slug: "ok-slug",
        body: "{}",
        categoryId: "",
        releaseDate: "",
      });
      expect(r.ok).toBe(false);
    }
    expect(await state()).toBe(before);
    expect(fingerprint).toBeTruthy();
  });
});
