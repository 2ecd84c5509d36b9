import { randomBytes } from "node:crypto";
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, test, vi } from "vitest";
import { textToDoc } from "../../src/domain/release/content";
import { hashPassword, verifyPassword } from "../../src/server/auth/password";
import { SESSION_COOKIE, createSession } from "../../src/server/auth/sessions";
import { createRelease, runWorkflow, saveContent } from "../../src/server/releases/lifecycle";
import { resetDb, testDb } from "../support/db";
import { cookieJar, outcome } from "../support/next-request";
import * as account from "../../src/server/auth/actions";
import * as media from "../../src/server/media/actions";
import * as releases from "../../src/server/releases/actions";
import * as usersModule from "../../src/server/auth/user-actions";
import * as distribution from "../../src/server/distribution/actions";
import * as webhooks from "../../src/server/webhooks/actions";
import * as glossary from "../../src/server/glossary/actions";
import * as hant from "../../src/server/hant/actions";
import * as tm from "../../src/server/tm/actions";
import * as assignments from "../../src/server/assignments/actions";
import * as notifications from "../../src/server/notifications/actions";
import * as check from "../../src/server/check/actions";
import * as contacts from "../../src/server/contacts/actions";
import * as presskit from "../../src/server/presskit/actions";
import { storeBatch } from "../../src/server/tm/store";
import { preparePairs } from "../../src/server/tm/prepare";

vi.mock("next/headers", async () => (await import("../support/next-request")).nextHeadersMock());
vi.mock("next/cache", async () => (await import("../support/next-request")).nextCacheMock());

// Every server action × every kind of visitor (× every release state for the workflow actions),
// called directly against the real database. Refused calls must leave the data untouched.

type Who = "anonymous" | "TRANSLATOR" | "EDITOR" | "ADMIN";
type Role = Exclude<Who, "anonymous">;
const WHO: Who[] = ["anonymous", "TRANSLATOR", "EDITOR", "ADMIN"];
const STATES = ["DRAFT", "TRANSLATED", "PUBLISHED"] as const;
type State = (typeof STATES)[number];
const db = testDb();
const users = {} as Record<Role, { id: string; token: string }>;
let counter = 0;

const content = (title: string, slug: string) => ({
  title,
  summary: `${title} summary`,
  slug,
  body: JSON.stringify(textToDoc(`${title} body`)),
});

function actAs(who: Who) {
  cookieJar.clear();
  if (who !== "anonymous") cookieJar.set(SESSION_COOKIE, users[who].token);
}

/** A fresh release in `state`, with a complete, current English translation. */
async function releaseIn(state: State) {
  const editor = { id: users.EDITOR.id, role: "EDITOR" as const };
  const slug = `matrix-${++counter}`;
  const created = await createRelease(db, editor, content("原稿", slug), { categoryId: null, releaseDate: null });
  if (!created.ok) throw new Error(created.code);
  const { id } = created.value;
  let v = (await saveContent(db, editor, id, "en", content("Original", slug), created.value.version)) as {
    ok: true;
    value: { version: number };
  };
  if (state !== "DRAFT")
    v = (await runWorkflow(db, editor, id, { type: "markTranslated" }, v.value.version)) as typeof v;
  if (state === "PUBLISHED") v = (await runWorkflow(db, editor, id, { type: "publish" }, v.value.version)) as typeof v;
  const revision = await db.revision.findFirstOrThrow({ where: { releaseId: id, locale: "zh" } });
  return { id, version: v.value.version, slug, revisionId: revision.id };
}

const snapshot = async (id: string) => {
  const r = await db.release.findUniqueOrThrow({ where: { id }, include: { contents: true, publications: true } });
  return JSON.stringify([r.version, r.status, r.contents.map((c) => c.fingerprint).sort(), r.publications.length]);
};

const PASSWORD = "the matrix password";
let resetTarget: string;

beforeAll(async () => {
  await resetDb();
  const passwordHash = await hashPassword(PASSWORD);
  for (const role of ["ADMIN", "EDITOR", "TRANSLATOR"] as const) {
    const u = await db.user.create({
      data: { email: `${role.toLowerCase()}@matrix.test`, displayName: role, role, passwordHash },
    });
    users[role] = { id: u.id, token: (await createSession(db, u.id)).token };
  }
  // Someone whose password an administrator may reset (resetting ends their sessions, not ours).
  resetTarget = (
    await db.user.create({ data: { email: "target@matrix.test", displayName: "T", role: "EDITOR", passwordHash } })
  ).id;
});

type Release = Awaited<ReturnType<typeof releaseIn>>;

const ED_AD = { anonymous: false, TRANSLATOR: false, EDITOR: true, ADMIN: true };
const ALL_ROLES = { anonymous: false, TRANSLATOR: true, EDITOR: true, ADMIN: true };
const NOBODY = { anonymous: false, TRANSLATOR: false, EDITOR: false, ADMIN: false };

// action → state → who → allowed
const WORKFLOW: Record<
  string,
  { run: (r: Release) => Promise<unknown>; allowed: Record<State, Record<Who, boolean>> }
> = {
  saveOriginalAction: {
    run: (r) =>
      releases.saveOriginalAction(r.id, r.version, { ...content("改稿", r.slug), categoryId: "", releaseDate: "" }),
    allowed: { DRAFT: ED_AD, TRANSLATED: ED_AD, PUBLISHED: ED_AD },
  },
  saveTranslationAction: {
    run: (r) => releases.saveTranslationAction(r.id, r.version, content("Changed", r.slug)),
    allowed: { DRAFT: ALL_ROLES, TRANSLATED: ALL_ROLES, PUBLISHED: ALL_ROLES },
  },
  "workflowAction markTranslated": {
    run: (r) => releases.workflowAction(r.id, r.version, { type: "markTranslated" }),
    allowed: { DRAFT: ALL_ROLES, TRANSLATED: NOBODY, PUBLISHED: NOBODY },
  },
  "workflowAction publish": {
    run: (r) => releases.workflowAction(r.id, r.version, { type: "publish" }),
    allowed: { DRAFT: NOBODY, TRANSLATED: ED_AD, PUBLISHED: ED_AD },
  },
  "workflowAction publish (embargo)": {
    run: (r) =>
      releases.workflowAction(r.id, r.version, { type: "publish", at: new Date(Date.now() + 3600e3).toISOString() }),
    allowed: { DRAFT: NOBODY, TRANSLATED: ED_AD, PUBLISHED: ED_AD },
  },
  "workflowAction withdraw": {
    run: (r) => releases.workflowAction(r.id, r.version, { type: "withdraw" }),
    allowed: { DRAFT: NOBODY, TRANSLATED: NOBODY, PUBLISHED: ED_AD },
  },
  restoreRevisionAction: {
    run: (r) => releases.restoreRevisionAction(r.id, r.revisionId, r.version),
    allowed: { DRAFT: ED_AD, TRANSLATED: ED_AD, PUBLISHED: ED_AD },
  },
};

describe("release actions × visitor × state", () => {
  const cases = Object.entries(WORKFLOW).flatMap(([action, spec]) =>
    STATES.flatMap((state) => WHO.map((who) => ({ action, state, who, allowed: spec.allowed[state][who] }))),
  );

  test.each(cases)("$action in $state as $who → allowed: $allowed", async ({ action, state, who, allowed }) => {
    const release = await releaseIn(state);
    const before = await snapshot(release.id);
    actAs(who);
    const result = await outcome(() => WORKFLOW[action]!.run(release));
    expect(result.kind).toBe("ok");
    const value = result.value as { ok: boolean; code?: string };
    expect(value.ok, JSON.stringify(value)).toBe(allowed);
    if (!allowed) {
      if (who === "anonymous") expect(value.code).toBe("forbidden");
      expect(await snapshot(release.id)).toBe(before);
    } else {
      expect(await snapshot(release.id)).not.toBe(before);
    }
  });

  test.each(WHO.map((who) => ({ who, allowed: ED_AD[who] })))(
    "createReleaseAction as $who → $allowed",
    async ({ who, allowed }) => {
      actAs(who);
      const before = await db.release.count();
      const value = (await releases.createReleaseAction({
        ...content("新稿", `create-${who.toLowerCase()}`),
        categoryId: "",
        releaseDate: "",
      })) as { ok: boolean };
      expect(value.ok).toBe(allowed);
      expect(await db.release.count()).toBe(before + (allowed ? 1 : 0));
    },
  );
});

describe("user and account actions × visitor", () => {
  const form = (entries: Record<string, string>) => {
    const f = new FormData();
    for (const [k, v] of Object.entries(entries)) f.set(k, v);
    return f;
  };
  const ADMIN_ONLY = { anonymous: false, TRANSLATOR: false, EDITOR: false, ADMIN: true };

  const user = (id: string) => db.user.findUniqueOrThrow({ where: { id } });
  // run: the call; allowed: who may; changed: proof the allowed call did its work (and the refused one did not)
  const ACTIONS: Record<
    string,
    {
      run: (who: Who) => Promise<unknown>;
      allowed: Record<Who, boolean>;
      changed?: (who: Who) => Promise<boolean>;
    }
  > = {
    createUserAction: {
      run: (who) =>
        usersModule.createUserAction(
          {},
          form({
            email: `made-by-${who}@matrix.test`,
            displayName: "N",
            role: "TRANSLATOR",
            password: "a long password",
          }),
        ),
      allowed: ADMIN_ONLY,
    },
    changeRoleAction: {
      run: () => usersModule.changeRoleAction({}, form({ userId: users.TRANSLATOR.id, role: "TRANSLATOR" })),
      allowed: ADMIN_ONLY,
    },
    setDisabledAction: {
      run: () => usersModule.setDisabledAction({}, form({ userId: users.TRANSLATOR.id, disabled: "false" })),
      allowed: ADMIN_ONLY,
    },
    "resetPasswordAction unknown user": {
      run: () =>
        usersModule.resetPasswordAction({}, form({ userId: users.EDITOR.id + "-nobody", password: "a long password" })),
      allowed: NOBODY, // unknown user: refused for admins too (not_found), forbidden for others
    },
    resetPasswordAction: {
      run: (who) => usersModule.resetPasswordAction({}, form({ userId: resetTarget, password: `reset by ${who}!` })),
      allowed: ADMIN_ONLY,
      changed: async (who) => verifyPassword(`reset by ${who}!`, (await user(resetTarget)).passwordHash),
    },
    setLanguageAction: {
      run: () => account.setLanguageAction({}, form({ locale: "zh" })),
      allowed: ALL_ROLES,
    },
    "deleteMediaAction (own unused image)": {
      // an unused image (a row without files) the visitor uploaded: every role may delete its own
      run: async (who) => media.deleteMediaAction({}, form({ mediaId: await unusedMedia(who) })),
      allowed: ALL_ROLES,
    },
    // Translator workbench (docs/TRANSLATION.md)
    saveGlossaryTermAction: {
      run: (who) =>
        glossary.saveGlossaryTermAction(
          {},
          form({ term: `术语${who}`, approved: "term", forbidden: "", note: "", category: "" }),
        ),
      allowed: ED_AD,
    },
    deleteGlossaryTermAction: {
      run: async (who) => {
        const t = await db.glossaryTerm.create({
          data: { term: `删${who}`, termKey: `删${who}`.toLowerCase(), approved: '["x"]' },
        });
        return glossary.deleteGlossaryTermAction({}, form({ id: t.id }));
      },
      allowed: ED_AD,
    },
    importGlossaryCsvAction: {
      run: (who) => {
        const f = new FormData();
        f.set("file", new Blob([`term_zh,approved_en\n导入${who},imported\n`]), "g.csv");
        return glossary.importGlossaryCsvAction({}, f);
      },
      allowed: ED_AD,
    },
    setTermBlockingAction: {
      run: () => glossary.setTermBlockingAction({}, form({ enabled: "false" })),
      allowed: ADMIN_ONLY,
    },
    // Traditional Chinese edition (docs/ARCHITECTURE.md "Traditional Chinese edition")
    saveHantOverrideAction: {
      run: (who) => hant.saveHantOverrideAction({}, form({ wrong: `錯${who}`, right: `對${who}`, note: "" })),
      allowed: ED_AD,
      changed: async (who) => (await db.hantOverride.count({ where: { wrong: `錯${who}` } })) === 1,
    },
    deleteHantOverrideAction: {
      run: async (who) => {
        const o = await db.hantOverride.create({ data: { wrong: `刪${who}${++counter}`, right: "x" } });
        return hant.deleteHantOverrideAction({}, form({ id: o.id }));
      },
      allowed: ED_AD,
    },
    deleteTmUnitAction: {
      run: async (who) => {
        const [p] = preparePairs([{ source: `记忆${who}${++counter}`, target: `memory ${counter}` }], new Set());
        const [id] = await db.$transaction((tx) => storeBatch(tx, [p!]));
        return tm.deleteTmUnitAction({}, form({ id: String(id) }));
      },
      allowed: ED_AD,
    },
    assignTranslationAction: {
      run: async () => {
        const r = await releaseIn("DRAFT");
        return assignments.assignTranslationAction(
          {},
          form({
            releaseId: r.id,
            assigneeId: users.TRANSLATOR.id,
            dueAt: new Date(Date.now() + 86400e3).toISOString(),
            note: "",
          }),
        );
      },
      allowed: ED_AD,
    },
    unassignTranslationAction: {
      run: async () => {
        const r = await releaseIn("DRAFT");
        await db.translationAssignment.create({
          data: { releaseId: r.id, assigneeId: users.TRANSLATOR.id, dueAt: new Date() },
        });
        return assignments.unassignTranslationAction({}, form({ releaseId: r.id }));
      },
      allowed: ED_AD,
    },
    markNotificationReadAction: {
      // one's own notification: anyone signed in; someone else's is never touched (below)
      run: async (who) => {
        const owner = who === "anonymous" ? users.TRANSLATOR.id : users[who].id;
        const n = await db.notification.create({ data: { userId: owner, kind: "published" } });
        return notifications.markNotificationReadAction({}, form({ id: n.id }));
      },
      allowed: ALL_ROLES,
    },
    markAllNotificationsReadAction: {
      run: () => notifications.markAllNotificationsReadAction({}, form({})),
      allowed: ALL_ROLES,
    },
    checkTranslationAction: {
      run: async () => {
        const r = await releaseIn("DRAFT");
        const result = await check.checkTranslationAction(r.id);
        return result.ok ? { ok: true } : { ok: false, error: result.code };
      },
      allowed: ALL_ROLES,
    },
    "deleteMediaAction (someone else's unused image)": {
      // issue 11, point 13: translators may not delete what others uploaded
      run: async (who) =>
        media.deleteMediaAction({}, form({ mediaId: await unusedMedia(who === "EDITOR" ? "ADMIN" : "EDITOR") })),
      allowed: ED_AD,
    },
    "changePasswordAction wrong current password": {
      run: () =>
        account.changePasswordAction(
          {},
          form({ currentPassword: "wrong", newPassword: "a long password", confirmPassword: "a long password" }),
        ),
      allowed: NOBODY, // wrong current password for everyone; forbidden when signed out
    },
    changePasswordAction: {
      // the right current password; the new one is the same, so the next case can sign in with it
      run: () =>
        account.changePasswordAction(
          {},
          form({ currentPassword: PASSWORD, newPassword: PASSWORD, confirmPassword: PASSWORD }),
        ),
      allowed: ALL_ROLES,
      changed: async (who) =>
        (await db.auditEvent.count({
          where: { action: "user.password_changed", actorId: who === "anonymous" ? "-" : users[who].id },
        })) > 0,
    },
  };

  /** An unused image row uploaded by `who` (by the editor when anonymous). */
  async function unusedMedia(who: Who): Promise<string> {
    const id = randomBytes(12).toString("hex");
    const uploaderId = users[who === "anonymous" ? "EDITOR" : who].id;
    await db.media.create({
      data: {
        id,
        storageKey: `${id.slice(0, 2)}/${id}`,
        mime: "image/png",
        bytes: 1,
        width: 1,
        height: 1,
        sha256: "x",
        altZh: "图",
        uploaderId,
      },
    });
    return id;
  }

  test("the tables list every exported server action", async () => {
    // Every module under src/ that starts with "use server" exports server actions.
    const walk = (dir: string): string[] =>
      readdirSync(dir).flatMap((e) => {
        const file = path.join(dir, e);
        if (statSync(file).isDirectory()) return e === "generated" ? [] : walk(file);
        return /\.tsx?$/.test(e) && /^["']use server["']/.test(readFileSync(file, "utf8")) ? [file] : [];
      });
    const exported: string[] = [];
    for (const file of walk(path.join(process.cwd(), "src"))) {
      const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
      exported.push(...Object.keys(mod).filter((k) => typeof mod[k] === "function"));
    }
    expect(exported.length).toBeGreaterThan(10);
    const covered = new Set([
      ...Object.keys(WORKFLOW).map((k) => k.split(" ")[0]!),
      "createReleaseAction",
      ...Object.keys(ACTIONS).map((k) => k.split(" ")[0]!),
      ...Object.keys(DISTRIBUTION),
      ...Object.keys(PRESSKIT).map((k) => k.split(" ")[0]!),
      // Public by nature (a token or the double opt-in protects them), tested in
      // tests/int/distribution and end to end: subscribing, confirming, unsubscribing.
      "subscribeAction",
      "confirmSubscriptionAction",
      "unsubscribeAction",
      // Public by nature, tested end to end: signing in, choosing the sign-in page language, signing out.
      "signInAction",
      "chooseLoginLanguageAction",
      "signOutAction",
    ]);
    expect(exported.filter((name) => !covered.has(name))).toEqual([]);
  });

  const cases = Object.entries(ACTIONS).flatMap(([action, spec]) =>
    WHO.map((who) => ({ action, who, allowed: spec.allowed[who] })),
  );
  test.each(cases)("$action as $who → allowed: $allowed", async ({ action, who, allowed }) => {
    actAs(who);
    const spec = ACTIONS[action]!;
    const result = (await spec.run(who)) as { ok?: boolean; error?: string };
    expect(result.ok ?? false, JSON.stringify(result)).toBe(allowed);
    const adminOnly = ACTIONS[action]!.allowed === ADMIN_ONLY || action === "resetPasswordAction";
    const refusedByRole = (adminOnly && who !== "ADMIN") || (action.includes("someone else") && !allowed);
    if (who === "anonymous" || refusedByRole) expect(result.error).toBe("forbidden");
    if (ACTIONS[action]!.allowed === ED_AD && !allowed) expect(result.error).toBe("forbidden");
  });
});

// Distribution and webhook actions × visitor. "ok": done; "forbidden": refused before anything;
// another code: authorized, then refused by the service for that reason (the request got through).
type Outcome = string; // "ok", "forbidden" or another error code
const byRole = (editor: Outcome, admin: Outcome = editor): Record<Who, Outcome> => ({
  anonymous: "forbidden",
  TRANSLATOR: "forbidden",
  EDITOR: editor,
  ADMIN: admin,
});
const form = (entries: Record<string, string | string[] | File>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(entries)) for (const x of Array.isArray(v) ? v : [v]) f.append(k, x);
  return f;
};
const asForm = (r: { ok: boolean; code?: string }) => (r.ok ? { ok: true } : { error: r.code });
const fixtures = { listId: "", releaseId: "", scheduledId: "", webhookId: "" };
let n = 0;
const freshList = async () => (await db.journalistList.create({ data: { name: `matrix-${++n}` } })).id;

const DISTRIBUTION: Record<
  string,
  { run: (who: Who) => Promise<{ ok?: boolean; error?: string }>; outcome: Record<Who, Outcome> }
> = {
  createListAction: {
    run: (who) => distribution.createListAction({}, form({ name: `list ${who}` })),
    outcome: byRole("ok"),
  },
  deleteListAction: {
    run: async () => distribution.deleteListAction({}, form({ listId: await freshList() })),
    outcome: byRole("ok"),
  },
  addJournalistAction: {
    run: (who) =>
      distribution.addJournalistAction(
        {},
        form({ listId: fixtures.listId, name: "J", email: `j-${who}@matrix.test`, organisation: "", language: "en" }),
      ),
    outcome: byRole("ok"),
  },
  removeJournalistAction: {
    run: async () => {
      const j = await db.journalist.create({
        data: { listId: fixtures.listId, email: `r-${++n}@matrix.test`, name: "R", language: "zh" },
      });
      return distribution.removeJournalistAction({}, form({ journalistId: j.id }));
    },
    outcome: byRole("ok"),
  },
  importJournalistsAction: {
    run: async () =>
      distribution.importJournalistsAction(
        {},
        form({
          listId: await freshList(),
          file: new File(["name,email,organisation,language\nA,a@matrix.test,X,zh\n"], "list.csv", {
            type: "text/csv",
          }),
        }),
      ),
    outcome: byRole("ok"),
  },
  previewRecipientsAction: {
    run: async () => asForm(await distribution.previewRecipientsAction(fixtures.releaseId, { subscribers: true })),
    outcome: byRole("ok"),
  },
  publishOptionsAction: {
    run: async () => asForm(await distribution.publishOptionsAction(fixtures.releaseId)),
    outcome: byRole("ok"),
  },
  sendEmbargoLinksAction: {
    run: () =>
      distribution.sendEmbargoLinksAction({}, form({ releaseId: fixtures.scheduledId, listIds: [fixtures.listId] })),
    outcome: byRole("ok"),
  },
  revokeGrantAction: {
    run: async () => {
      const g = await db.embargoGrant.create({
        data: { releaseId: fixtures.scheduledId, email: `g-${++n}@matrix.test`, language: "zh" },
      });
      return distribution.revokeGrantAction({}, form({ grantId: g.id }));
    },
    outcome: byRole("ok"),
  },
  createWebhookAction: {
    run: () =>
      webhooks.createWebhookAction({}, form({ url: "https://93.184.216.34/hook", events: ["release.published"] })),
    outcome: byRole("forbidden", "ok"),
  },
  updateWebhookAction: {
    run: () => webhooks.updateWebhookAction({}, form({ webhookId: fixtures.webhookId, intent: "pause" })),
    outcome: byRole("forbidden", "ok"),
  },
  deleteWebhookAction: {
    run: async () => {
      const h = await db.webhook.create({
        data: { url: "https://93.184.216.34/x", secret: "s", events: "release.published" },
      });
      return webhooks.deleteWebhookAction({}, form({ webhookId: h.id }));
    },
    outcome: byRole("forbidden", "ok"),
  },
  testWebhookAction: {
    // The fixture points at a documentation address: an admin gets through to the send, which is refused.
    run: () => webhooks.testWebhookAction({}, form({ webhookId: fixtures.webhookId })),
    outcome: byRole("forbidden", "webhook_test_failed"),
  },
};

describe("distribution and webhook actions × visitor", () => {
  beforeAll(async () => {
    const editor = { id: users.EDITOR.id, role: "EDITOR" as const };
    fixtures.listId = await freshList();
    fixtures.releaseId = (await releaseIn("TRANSLATED")).id;
    const scheduled = await releaseIn("TRANSLATED");
    const r = await runWorkflow(
      db,
      editor,
      scheduled.id,
      { type: "publish", at: new Date(Date.now() + 86_400_000) },
      scheduled.version,
    );
    if (!r.ok) throw new Error(r.code);
    fixtures.scheduledId = scheduled.id;
    fixtures.webhookId = (
      await db.webhook.create({ data: { url: "http://192.0.2.1/hook", secret: "s", events: "release.published" } })
    ).id;
  });

  const cases = Object.entries(DISTRIBUTION).flatMap(([action, spec]) =>
    WHO.map((who) => ({ action, who, outcome: spec.outcome[who] })),
  );
  test.each(cases)("$action as $who → $outcome", async ({ action, who, outcome }) => {
    actAs(who);
    const result = await DISTRIBUTION[action]!.run(who);
    if (outcome === "ok") expect(result.ok, JSON.stringify(result)).toBe(true);
    else expect(result.error, JSON.stringify(result)).toBe(outcome);
  });
});

// Press kit actions × visitor (docs/PRESS-KIT.md). `setup` makes the fixture, `count` measures the
// effect: it moves when the call is allowed and stays put when it is refused.
const contactFields = (name: string) => ({
  nameZh: `联系人${name}`,
  nameEn: `Contact ${name}`,
  titleZh: "",
  titleEn: "",
  phone: "+86 10 1234 5678",
  email: "press@matrix.test",
});
const freshContact = async () => (await db.pressContact.create({ data: contactFields(`c${++n}`) })).id;
/** A press-kit row of a fresh draft (no bytes: the actions only touch rows and, on removal, the store). */
async function freshKitFile() {
  const releaseId = (await releaseIn("DRAFT")).id;
  const id = randomBytes(12).toString("hex");
  await db.releaseFile.create({
    data: {
      ...{ id, releaseId, kind: "document", position: 1, storageKey: `kit/${id.slice(0, 2)}/${id}` },
      ...{ fileName: "a.pdf", mime: "application/pdf", bytes: 1, sha256: "x" },
    },
  });
  return { releaseId, id };
}
type Fixture = Record<string, string>;
const PRESSKIT: Record<
  string,
  {
    setup?: () => Promise<Fixture>;
    run: (who: Who, fx: Fixture) => Promise<{ ok?: boolean; error?: string }>;
    outcome: Record<Who, Outcome>;
    count: () => Promise<number>;
  }
> = {
  saveContactAction: {
    run: (who) => contacts.saveContactAction({}, form(contactFields(`new-${who}`))),
    outcome: byRole("ok"),
    count: () => db.pressContact.count(),
  },
  "saveContactAction (edit)": {
    setup: async () => ({ id: await freshContact() }),
    run: (who, fx) => contacts.saveContactAction({}, form({ ...contactFields(`edit-${who}`), id: fx.id! })),
    outcome: byRole("ok"),
    count: () => db.pressContact.count({ where: { nameEn: { startsWith: "Contact edit-" } } }),
  },
  deleteContactAction: {
    setup: async () => ({ id: await freshContact() }),
    run: (_who, fx) => contacts.deleteContactAction({}, form({ id: fx.id! })),
    outcome: byRole("ok"),
    count: () => db.pressContact.count(),
  },
  releaseContactAction: {
    setup: async () => ({ releaseId: (await releaseIn("PUBLISHED")).id, contactId: await freshContact() }),
    run: (_who, fx) => contacts.releaseContactAction({}, form(fx)),
    outcome: byRole("ok"),
    count: () => db.releaseContact.count(),
  },
  "releaseContactAction (remove)": {
    setup: async () => {
      const releaseId = (await releaseIn("DRAFT")).id;
      const contactId = await freshContact();
      await db.releaseContact.create({ data: { releaseId, contactId, position: 1 } });
      return { releaseId, contactId, remove: "1" };
    },
    run: (_who, fx) => contacts.releaseContactAction({}, form(fx)),
    outcome: byRole("ok"),
    count: () => db.releaseContact.count(),
  },
  updateKitTextAction: {
    setup: freshKitFile,
    run: (who, fx) =>
      presskit.updateKitTextAction(
        {},
        form({ ...fx, titleZh: `标题${who}`, titleEn: "T", creditZh: "", creditEn: "" }),
      ),
    outcome: byRole("ok"),
    count: () => db.releaseFile.count({ where: { titleZh: { startsWith: "标题" } } }),
  },
  removeKitFileAction: {
    setup: freshKitFile,
    run: (_who, fx) => presskit.removeKitFileAction({}, form(fx)),
    outcome: byRole("ok"),
    count: () => db.releaseFile.count(),
  },
};

describe("press kit actions × visitor", () => {
  const cases = Object.entries(PRESSKIT).flatMap(([action, spec]) =>
    WHO.map((who) => ({ action, who, outcome: spec.outcome[who] })),
  );
  test.each(cases)("$action as $who → $outcome", async ({ action, who, outcome }) => {
    const spec = PRESSKIT[action]!;
    const fx = (await spec.setup?.()) ?? {};
    const before = await spec.count();
    actAs(who);
    const result = await spec.run(who, fx);
    if (outcome === "ok") expect(result.ok, JSON.stringify(result)).toBe(true);
    else expect(result.error, JSON.stringify(result)).toBe(outcome);
    if (outcome === "ok") expect(await spec.count()).not.toBe(before);
    else expect(await spec.count()).toBe(before);
  });
});

describe("notifications belong to their user", () => {
  test("marking someone else's notification read changes nothing", async () => {
    const theirs = await db.notification.create({ data: { userId: users.TRANSLATOR.id, kind: "assigned" } });
    actAs("EDITOR");
    const f = new FormData();
    f.set("id", theirs.id);
    expect(await notifications.markNotificationReadAction({}, f)).toMatchObject({ error: "notification_not_found" });
    await notifications.markAllNotificationsReadAction({}, new FormData());
    expect((await db.notification.findUniqueOrThrow({ where: { id: theirs.id } })).readAt).toBeNull();
  });
});
