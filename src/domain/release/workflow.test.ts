import { describe, expect, test } from "vitest";
import { ROLES, type Role } from "../auth/permissions";
import {
  STATUSES,
  actionOptions,
  availableActions,
  transition,
  type ReleaseState,
  type Status,
  type WorkflowAction,
} from "./workflow";

const ZH = "fp-zh-current";
const now = new Date("2026-01-01T00:00:00Z");
const current = { complete: true, sourceFingerprint: ZH };

const state = (status: Status, translation: ReleaseState["translation"] = current): ReleaseState => ({
  status,
  originalFingerprint: ZH,
  translation,
});

type Expect = string; // a status on success, an error code on refusal

// Expected outcome with a complete, current translation, per action × role × status.
const TABLE: Record<string, Record<Role, Record<Status, Expect>>> = {
  editOriginalChanged: {
    ADMIN: { DRAFT: "DRAFT", TRANSLATED: "DRAFT", PUBLISHED: "PUBLISHED" },
    EDITOR: { DRAFT: "DRAFT", TRANSLATED: "DRAFT", PUBLISHED: "PUBLISHED" },
    TRANSLATOR: { DRAFT: "forbidden", TRANSLATED: "forbidden", PUBLISHED: "forbidden" },
  },
  editTranslation: {
    ADMIN: { DRAFT: "DRAFT", TRANSLATED: "TRANSLATED", PUBLISHED: "PUBLISHED" },
    EDITOR: { DRAFT: "DRAFT", TRANSLATED: "TRANSLATED", PUBLISHED: "PUBLISHED" },
    TRANSLATOR: { DRAFT: "DRAFT", TRANSLATED: "TRANSLATED", PUBLISHED: "PUBLISHED" },
  },
  markTranslated: {
    ADMIN: { DRAFT: "TRANSLATED", TRANSLATED: "already_translated", PUBLISHED: "already_published" },
    EDITOR: { DRAFT: "TRANSLATED", TRANSLATED: "already_translated", PUBLISHED: "already_published" },
    TRANSLATOR: { DRAFT: "TRANSLATED", TRANSLATED: "already_translated", PUBLISHED: "already_published" },
  },
  publish: {
    ADMIN: { DRAFT: "not_translated", TRANSLATED: "PUBLISHED", PUBLISHED: "PUBLISHED" },
    EDITOR: { DRAFT: "not_translated", TRANSLATED: "PUBLISHED", PUBLISHED: "PUBLISHED" },
    TRANSLATOR: { DRAFT: "forbidden", TRANSLATED: "forbidden", PUBLISHED: "forbidden" },
  },
  withdraw: {
    ADMIN: { DRAFT: "not_published", TRANSLATED: "not_published", PUBLISHED: "DRAFT" },
    EDITOR: { DRAFT: "not_published", TRANSLATED: "not_published", PUBLISHED: "DRAFT" },
    TRANSLATOR: { DRAFT: "forbidden", TRANSLATED: "forbidden", PUBLISHED: "forbidden" },
  },
};

const ACTIONS: Record<keyof typeof TABLE, WorkflowAction> = {
  editOriginalChanged: { type: "editOriginal", newFingerprint: "fp-zh-new" },
  editTranslation: { type: "editTranslation", translation: current },
  markTranslated: { type: "markTranslated" },
  publish: { type: "publish", at: now, now },
  withdraw: { type: "withdraw" },
};

const cases = Object.entries(TABLE).flatMap(([action, byRole]) =>
  ROLES.flatMap((role) => STATUSES.map((status) => ({ action, role, status, expected: byRole[role][status] }))),
);

describe("transition: every action × role × state", () => {
  test("the table covers 5 actions × 3 roles × 3 states", () => expect(cases).toHaveLength(45));

  test.each(cases)("$action by $role in $status → $expected", ({ action, role, status, expected }) => {
    const result = transition(state(status), ACTIONS[action]!, { role });
    if (STATUSES.includes(expected as Status)) {
      expect(result).toMatchObject({ ok: true, next: { status: expected } });
    } else {
      expect(result).toEqual({ ok: false, code: expected });
    }
  });
});

describe("guards", () => {
  const editor = { role: "EDITOR" as const };

  test.each([
    ["no English", null, "translation_missing"],
    ["incomplete English", { complete: false, sourceFingerprint: ZH }, "translation_incomplete"],
    ["English of an older Chinese", { complete: true, sourceFingerprint: "fp-old" }, "translation_outdated"],
  ] as const)("DRAFT → TRANSLATED refused with %s", (_label, translation, code) => {
    expect(transition(state("DRAFT", translation), { type: "markTranslated" }, editor)).toEqual({ ok: false, code });
  });

  test("republishing needs a current translation", () => {
    const stale = state("PUBLISHED", { complete: true, sourceFingerprint: "fp-old" });
    expect(transition(stale, { type: "publish", at: now, now }, editor)).toEqual({
      ok: false,
      code: "translation_outdated",
    });
  });

  test("editing the Chinese of a TRANSLATED release returns it to DRAFT and marks the English outdated", () => {
    const r = transition(state("TRANSLATED"), { type: "editOriginal", newFingerprint: "fp-new" }, editor);
    expect(r).toEqual({ ok: true, next: { status: "DRAFT", translationOutdated: true } });
  });

  test("saving the Chinese unchanged keeps TRANSLATED", () => {
    const r = transition(state("TRANSLATED"), { type: "editOriginal", newFingerprint: ZH }, editor);
    expect(r).toEqual({ ok: true, next: { status: "TRANSLATED", translationOutdated: false } });
  });

  test("editing a PUBLISHED original keeps it PUBLISHED (live snapshot) with the English outdated", () => {
    const r = transition(state("PUBLISHED"), { type: "editOriginal", newFingerprint: "fp-new" }, editor);
    expect(r).toEqual({ ok: true, next: { status: "PUBLISHED", translationOutdated: true } });
  });

  test("emptying a TRANSLATED translation returns it to DRAFT", () => {
    const r = transition(
      state("TRANSLATED"),
      { type: "editTranslation", translation: { complete: false, sourceFingerprint: ZH } },
      { role: "TRANSLATOR" },
    );
    expect(r).toMatchObject({ ok: true, next: { status: "DRAFT" } });
  });

  test("a future publish time is an embargo", () => {
    const at = new Date(now.getTime() + 86_400_000);
    expect(transition(state("TRANSLATED"), { type: "publish", at, now }, editor)).toEqual({
      ok: true,
      next: { status: "PUBLISHED", translationOutdated: false, embargoed: true },
    });
  });

  test("an invalid publish time is refused", () => {
    const r = transition(state("TRANSLATED"), { type: "publish", at: new Date("x"), now }, editor);
    expect(r).toEqual({ ok: false, code: "publish_time_invalid" });
  });
});

describe("availableActions", () => {
  test.each([
    ["DRAFT", "TRANSLATOR", ["markTranslated"]],
    ["TRANSLATED", "TRANSLATOR", []],
    ["TRANSLATED", "EDITOR", ["publish"]],
    ["PUBLISHED", "EDITOR", ["publish", "withdraw"]],
  ] as const)("%s for %s", (status, role, expected) => {
    expect(availableActions(state(status), role, now)).toEqual(expected);
  });
});

describe("actionOptions", () => {
  test("a translator is offered only marking translated, with the reason it is not possible", () => {
    const stale = state("DRAFT", { complete: true, sourceFingerprint: "old" });
    expect(actionOptions(stale, "TRANSLATOR", now)).toEqual([
      { type: "markTranslated", reason: "translation_outdated" },
    ]);
  });

  test("an editor sees every action with its reason", () => {
    expect(actionOptions(state("TRANSLATED"), "EDITOR", now)).toEqual([
      { type: "markTranslated", reason: "already_translated" },
      { type: "publish", reason: null },
      { type: "withdraw", reason: "not_published" },
    ]);
  });
});
