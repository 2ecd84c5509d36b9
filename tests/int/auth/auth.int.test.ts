import { beforeEach, describe, expect, test } from "vitest";
import { hashPassword } from "../../../src/server/auth/password";
import {
  ABSOLUTE_TIMEOUT_MS,
  IDLE_TIMEOUT_MS,
  createSession,
  findSessionUser,
} from "../../../src/server/auth/sessions";
import { signIn } from "../../../src/server/auth/sign-in";
import { LIMITS, LOCK_MS } from "../../../src/server/auth/throttle";
import { changeOwnPassword, changeRole, createUser, resetPassword, setDisabled } from "../../../src/server/auth/users";
import { resetDb, testDb } from "../../support/db";

const db = testDb();
const PASSWORD = "correct horse battery";
const t0 = new Date("2026-03-01T08:00:00Z");
const later = (ms: number) => new Date(t0.getTime() + ms);
let admin: { id: string; role: "ADMIN" };
let hash: string;

beforeEach(async () => {
  await resetDb();
  hash ??= await hashPassword(PASSWORD);
  const a = await db.user.create({
    data: { email: "admin@x.test", displayName: "A", role: "ADMIN", passwordHash: hash },
  });
  await db.user.create({ data: { email: "ed@x.test", displayName: "E", role: "EDITOR", passwordHash: hash } });
  admin = { id: a.id, role: "ADMIN" };
});

const attempt = (email: string, password: string, now: Date, ip = "10.0.0.1") =>
  signIn(db, { email, password, ip, userAgent: "vitest" }, now);

describe("sign-in and sessions", () => {
  test("a good password signs in; the stored hash is not the password", async () => {
    const result = await attempt("ED@x.test", PASSWORD, t0);
    expect(result.ok).toBe(true);
    const user = await db.user.findUnique({ where: { email: "ed@x.test" } });
    expect(user!.passwordHash).not.toContain(PASSWORD);
    expect(user!.passwordHash).toMatch(/^scrypt\$/);
    if (!result.ok) return;
    const stored = await db.session.findMany();
    expect(stored.map((s) => s.id)).not.toContain(result.value.token); // only the token's hash is stored
  });

  test("each sign-in gets a new session token", async () => {
    const a = await attempt("ed@x.test", PASSWORD, t0);
    const b = await attempt("ed@x.test", PASSWORD, t0);
    expect(a.ok && b.ok && a.value.token !== b.value.token).toBe(true);
  });

  test("wrong password, unknown email and disabled account look the same", async () => {
    const ed = await db.user.findUniqueOrThrow({ where: { email: "ed@x.test" } });
    await setDisabled(db, admin, ed.id, true);
    for (const [email, pw] of [
      ["ed@x.test", PASSWORD],
      ["admin@x.test", "nope"],
      ["ghost@x.test", PASSWORD],
    ]) {
      expect(await attempt(email!, pw!, t0)).toEqual({ ok: false, code: "invalid_credentials" });
    }
    const failures = await db.auditEvent.count({ where: { action: "auth.sign_in_failed" } });
    expect(failures).toBe(3);
  });

  test("sessions end after the idle timeout and after the absolute timeout", async () => {
    const user = await db.user.findUniqueOrThrow({ where: { email: "ed@x.test" } });
    const idle = await createSession(db, user.id, {}, t0);
    expect(await findSessionUser(db, idle.token, later(IDLE_TIMEOUT_MS - 1000))).not.toBeNull();
    expect(await findSessionUser(db, idle.token, later(2 * IDLE_TIMEOUT_MS))).toBeNull();

    const busy = await createSession(db, user.id, {}, t0);
    // Active every hour: never idle, but the absolute limit still ends it.
    for (let h = 1; h * 3_600_000 < ABSOLUTE_TIMEOUT_MS; h++) {
      expect(await findSessionUser(db, busy.token, later(h * 3_600_000))).not.toBeNull();
    }
    expect(await findSessionUser(db, busy.token, later(ABSOLUTE_TIMEOUT_MS + 1))).toBeNull();
  });

  test("a disabled user's session is refused at once", async () => {
    const user = await db.user.findUniqueOrThrow({ where: { email: "ed@x.test" } });
    const s = await createSession(db, user.id, {}, t0);
    expect(await setDisabled(db, admin, user.id, true)).toEqual({ ok: true, value: null });
    expect(await findSessionUser(db, s.token, t0)).toBeNull();
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
  });

  test("unknown and malformed tokens are refused", async () => {
    expect(await findSessionUser(db, "nope", t0)).toBeNull();
    expect(await findSessionUser(db, undefined, t0)).toBeNull();
    expect(await findSessionUser(db, "x".repeat(10_000), t0)).toBeNull();
  });
});

describe("throttling", () => {
  test("engages per account after repeated failures, even for the right password, and releases", async () => {
    for (let i = 0; i < LIMITS.email; i++) await attempt("ed@x.test", "wrong", later(i * 1000));
    const locked = await attempt("ed@x.test", PASSWORD, later(10_000));
    expect(locked).toMatchObject({ ok: false, code: "throttled" });
    // Another account from the same address is still fine.
    expect((await attempt("admin@x.test", PASSWORD, later(10_000))).ok).toBe(true);
    // After the lock, the right password works again.
    expect((await attempt("ed@x.test", PASSWORD, later(LOCK_MS + 20_000))).ok).toBe(true);
  });

  test("engages per IP across accounts, including unknown ones", async () => {
    for (let i = 0; i < LIMITS.ip; i++) await attempt(`ghost${i}@x.test`, "wrong", later(i * 100), "10.9.9.9");
    expect(await attempt("ed@x.test", PASSWORD, later(5_000), "10.9.9.9")).toMatchObject({ code: "throttled" });
    expect((await attempt("ed@x.test", PASSWORD, later(5_000), "10.1.1.1")).ok).toBe(true);
  });
});

describe("user administration", () => {
  test("only admins manage users", async () => {
    const ed = await db.user.findUniqueOrThrow({ where: { email: "ed@x.test" } });
    const editor = { id: ed.id, role: "EDITOR" as const };
    const input = { email: "n@x.test", displayName: "N", role: "TRANSLATOR" as const, password: "long enough pw" };
    expect(await createUser(db, editor, input)).toEqual({ ok: false, code: "forbidden" });
    expect(await createUser(db, null, input)).toEqual({ ok: false, code: "forbidden" });
    expect(await createUser(db, admin, input)).toMatchObject({ ok: true });
    expect(await createUser(db, admin, input)).toEqual({ ok: false, code: "email_taken" });
    expect(await changeRole(db, editor, ed.id, "ADMIN")).toEqual({ ok: false, code: "forbidden" });
  });

  test("the last active admin cannot be disabled or demoted", async () => {
    expect(await setDisabled(db, admin, admin.id, true)).toEqual({ ok: false, code: "last_admin" });
    expect(await changeRole(db, admin, admin.id, "EDITOR")).toEqual({ ok: false, code: "last_admin" });
    const ed = await db.user.findUniqueOrThrow({ where: { email: "ed@x.test" } });
    await changeRole(db, admin, ed.id, "ADMIN");
    expect(await changeRole(db, admin, admin.id, "EDITOR")).toEqual({ ok: true, value: null });
  });

  test("a password reset ends the user's sessions; a password change ends the others", async () => {
    const ed = await db.user.findUniqueOrThrow({ where: { email: "ed@x.test" } });
    const s1 = await createSession(db, ed.id, {}, new Date());
    await resetPassword(db, admin, ed.id, "brand new password");
    expect(await findSessionUser(db, s1.token)).toBeNull();
    expect((await attempt("ed@x.test", "brand new password", new Date())).ok).toBe(true);

    const mine = await createSession(db, ed.id, {}, new Date());
    const other = await createSession(db, ed.id, {}, new Date());
    const me = await findSessionUser(db, mine.token);
    const actor = { id: ed.id, role: "EDITOR" as const, sessionId: me!.sessionId };
    expect(await changeOwnPassword(db, actor, { currentPassword: "wrong", newPassword: "another long pw" })).toEqual({
      ok: false,
      code: "wrong_password",
    });
    expect(
      await changeOwnPassword(db, actor, { currentPassword: "brand new password", newPassword: "another long pw" }),
    ).toEqual({
      ok: true,
      value: null,
    });
    expect(await findSessionUser(db, mine.token)).not.toBeNull();
    expect(await findSessionUser(db, other.token)).toBeNull();
  });

  test("user events are audited", async () => {
    const created = await createUser(db, admin, {
      email: "z@x.test",
      displayName: "Z",
      role: "EDITOR",
      password: "long enough pw",
    });
    if (!created.ok) throw new Error();
    await changeRole(db, admin, created.value.id, "TRANSLATOR");
    await setDisabled(db, admin, created.value.id, true);
    await resetPassword(db, admin, created.value.id, "another long pw");
    const actions = (await db.auditEvent.findMany({ where: { targetId: created.value.id } }))
      .map((e) => e.action)
      .sort();
    expect(actions).toEqual(["user.created", "user.disabled", "user.password_reset", "user.role_changed"]);
  });
});
