import { randomBytes } from "node:crypto";
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, test, vi } from "vitest";
import { textToDoc } from "../../src/domain/release/content";
import { SESSION_COOKIE, createSession } from "../../src/server/auth/sessions";
import { createRelease, runWorkflow, saveContent } from "../../src/server/releases/lifecycle";
import { resetDb, testDb } from "../support/db";
import { cookieJar, outcome } from "../support/next-request";
import * as account from "../../src/server/auth/actions";
import * as media from "../../src/server/media/actions";
import * as releases from "../../src/server/releases/actions";
import * as usersModule from "../../src/server/auth/user-actions";
import * as glossary from "../../src/server/glossary/actions";
import * as tm from "../../src/server/tm/actions";
import * as assignments from "../../src/server/assignments/actions";
import * as notifications from "../../src/server/notifications/actions";
import * as check from "../../src/server/check/actions";
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

beforeAll(async () => {
  await resetDb();
  for (const role of ["ADMIN", "EDITOR", "TRANSLATOR"] as const) {
    const u = await db.user.create({
      data: { email: `${role.toLowerCase()}@matrix.test`, displayName: role, role, passwordHash: "x" },
    });
    users[role] = { id: u.id, token: (await createSession(db, u.id)).token };
  }
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

  const ACTIONS: Record<string, { run: (who: Who) => Promise<unknown>; allowed: Record<Who, boolean> }> = {
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
    resetPasswordAction: {
      run: () =>
        usersModule.resetPasswordAction({}, form({ userId: users.EDITOR.id + "-nobody", password: "a long password" })),
      allowed: NOBODY, // unknown user: refused for admins too (not_found), forbidden for others
    },
    setLanguageAction: {
      run: () => account.setLanguageAction({}, form({ locale: "zh" })),
      allowed: ALL_ROLES,
    },
    deleteMediaAction: {
      // an unused image (a row without files): any staff member may delete it
      run: async () => {
        const id = randomBytes(12).toString("hex");
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
          },
        });
        return media.deleteMediaAction({}, form({ mediaId: id }));
      },
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
    changePasswordAction: {
      run: () =>
        account.changePasswordAction(
          {},
          form({ currentPassword: "wrong", newPassword: "a long password", confirmPassword: "a long password" }),
        ),
      allowed: NOBODY, // wrong current password for everyone; forbidden when signed out
    },
  };

  test("the tables list every exported server action", async () => {
    const exported: string[] = [];
    const walk = (dir: string): string[] =>
      readdirSync(dir).flatMap((e) =>
        statSync(path.join(dir, e)).isDirectory()
          ? walk(path.join(dir, e))
          : /(^|-)actions\.ts$/.test(e)
            ? [path.join(dir, e)]
            : [],
      );
    // Server actions live in src/server/<area>/*actions.ts (and once lived under src/app).
    for (const file of ["src/app", "src/server"].flatMap((d) => walk(path.join(process.cwd(), d)))) {
      const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
      exported.push(...Object.keys(mod).filter((k) => typeof mod[k] === "function"));
    }
    const covered = new Set([
      ...Object.keys(WORKFLOW).map((k) => k.split(" ")[0]!),
      "createReleaseAction",
      ...Object.keys(ACTIONS),
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
    const result = (await ACTIONS[action]!.run(who)) as { ok?: boolean; error?: string };
    expect(result.ok ?? false, JSON.stringify(result)).toBe(allowed);
    const adminOnly = ACTIONS[action]!.allowed === ADMIN_ONLY || action === "resetPasswordAction";
    if (ACTIONS[action]!.allowed === ED_AD && !allowed) expect(result.error).toBe("forbidden");
    if (who === "anonymous" || (adminOnly && who !== "ADMIN")) expect(result.error).toBe("forbidden");
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
