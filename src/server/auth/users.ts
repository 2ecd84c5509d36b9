import "server-only";
import type { Actor } from "@/domain/auth/actor";
import { can, type Role } from "@/domain/auth/permissions";
import { fail, ok, type Result } from "@/domain/result";
import type { ContentLocale as Locale } from "@/i18n/settings";
import type { Db } from "../db/client";
import { recordAudit } from "../audit";
import { hashPassword, verifyPassword } from "./password";
import { revokeUserSessions } from "./sessions";
import { recordSuccess, reserveAttempt, throttleKey, waitMinutes } from "./throttle";

// User administration. Every function checks the actor's permission itself and audits the change.

export type UserErrorCode = "forbidden" | "not_found" | "email_taken" | "last_admin" | "wrong_password" | "throttled";
export type UserResult<T = null> = Result<T, UserErrorCode>;

const isAdmin = (actor: Actor | null): actor is Actor => !!actor && can(actor.role, "users.manage");

export interface NewUser {
  email: string;
  displayName: string;
  role: Role;
  password: string;
  locale?: Locale;
}

export async function createUser(db: Db, actor: Actor | null, input: NewUser): Promise<UserResult<{ id: string }>> {
  if (!isAdmin(actor)) return fail("forbidden");
  return insertUser(db, input, actor.id);
}

/** Creates an account without a permission check: for the command line, which runs as the operator. */
export async function insertUser(db: Db, input: NewUser, actorId: string | null): Promise<UserResult<{ id: string }>> {
  if (await db.user.findUnique({ where: { email: input.email } })) return fail("email_taken");
  const user = await db.user.create({
    data: {
      email: input.email,
      displayName: input.displayName,
      role: input.role,
      locale: input.locale ?? "zh",
      passwordHash: await hashPassword(input.password),
    },
  });
  await recordAudit(db, {
    actorId,
    action: "user.created",
    targetId: user.id,
    detail: { role: input.role, via: actorId ? "admin" : "cli" },
  });
  return ok({ id: user.id });
}

/** True when `userId` is the only enabled admin: such an account may not be demoted or disabled. */
async function isLastActiveAdmin(db: Db, userId: string): Promise<boolean> {
  const admins = await db.user.findMany({ where: { role: "ADMIN", disabled: false }, select: { id: true } });
  return admins.length === 1 && admins[0]!.id === userId;
}

export async function changeRole(db: Db, actor: Actor | null, userId: string, role: Role): Promise<UserResult> {
  if (!isAdmin(actor)) return fail("forbidden");
  const user = await db.user.findUnique({ where: { id: userId } });
  if (!user) return fail("not_found");
  if (user.role === role) return ok(null);
  if (user.role === "ADMIN" && (await isLastActiveAdmin(db, userId))) return fail("last_admin");
  await db.user.update({ where: { id: userId }, data: { role } });
  await recordAudit(db, {
    actorId: actor.id,
    action: "user.role_changed",
    targetId: userId,
    detail: { from: user.role, to: role },
  });
  return ok(null);
}

export async function setDisabled(db: Db, actor: Actor | null, userId: string, disabled: boolean): Promise<UserResult> {
  if (!isAdmin(actor)) return fail("forbidden");
  const user = await db.user.findUnique({ where: { id: userId } });
  if (!user) return fail("not_found");
  if (disabled && user.role === "ADMIN" && (await isLastActiveAdmin(db, userId))) return fail("last_admin");
  await db.user.update({ where: { id: userId }, data: { disabled } });
  if (disabled) await revokeUserSessions(db, userId);
  await recordAudit(db, { actorId: actor.id, action: disabled ? "user.disabled" : "user.enabled", targetId: userId });
  return ok(null);
}

/** An admin sets a new password for someone; that user's sessions end. */
export async function resetPassword(
  db: Db,
  actor: Actor | null,
  userId: string,
  password: string,
): Promise<UserResult> {
  if (!isAdmin(actor)) return fail("forbidden");
  const user = await db.user.findUnique({ where: { id: userId } });
  if (!user) return fail("not_found");
  await db.user.update({ where: { id: userId }, data: { passwordHash: await hashPassword(password) } });
  await revokeUserSessions(db, userId, userId === actor.id ? actor.sessionId : undefined);
  await recordAudit(db, { actorId: actor.id, action: "user.password_reset", targetId: userId });
  return ok(null);
}

/**
 * Sets an account's password from the command line (the operator, who needs no session): the
 * account's sessions end, its sign-in delays are lifted, and the log records a reset by the system.
 */
export async function setPasswordByEmail(db: Db, email: string, password: string): Promise<UserResult> {
  const user = await db.user.findUnique({ where: { email } });
  if (!user) return fail("not_found");
  await db.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(password) } });
  await revokeUserSessions(db, user.id);
  const keys = [await throttleKey(db, "account", email), await throttleKey(db, "user", user.id)];
  await db.authThrottle.deleteMany({ where: { key: { in: keys } } });
  await recordAudit(db, { actorId: null, action: "user.password_reset", targetId: user.id, detail: { via: "cli" } });
  return ok(null);
}

/**
 * A user changes their own password; their other sessions end. The current password is checked
 * under the same progressive delay as sign-in (keyed by the user), and every try is audited: a
 * stolen session must not become a way to guess the password.
 */
export async function changeOwnPassword(
  db: Db,
  actor: Actor | null,
  input: { currentPassword: string; newPassword: string },
  meta: { ip?: string | null } = {},
  now = new Date(),
): Promise<UserResult> {
  if (!actor) return fail("forbidden");
  const user = await db.user.findUnique({ where: { id: actor.id } });
  if (!user) return fail("not_found");
  const keys = [await throttleKey(db, "user", actor.id)];
  const reserved = await reserveAttempt(db, keys, now);
  if (!reserved.ok) return fail("throttled", { params: { minutes: waitMinutes(reserved.waitMs) } });
  const audit = { actorId: actor.id, targetId: actor.id, ip: meta.ip };
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
    await recordAudit(db, { ...audit, action: "user.password_change_failed" });
    return fail("wrong_password");
  }
  await recordSuccess(db, keys);
  await db.user.update({ where: { id: actor.id }, data: { passwordHash: await hashPassword(input.newPassword) } });
  await revokeUserSessions(db, actor.id, actor.sessionId);
  await recordAudit(db, { ...audit, action: "user.password_changed" });
  return ok(null);
}

export async function setOwnLocale(db: Db, actor: Actor | null, locale: Locale): Promise<UserResult> {
  if (!actor) return fail("forbidden");
  await db.user.update({ where: { id: actor.id }, data: { locale } });
  return ok(null);
}

export async function listUsers(db: Db, actor: Actor | null) {
  if (!isAdmin(actor)) return fail("forbidden");
  const users = await db.user.findMany({
    orderBy: [{ disabled: "asc" }, { email: "asc" }],
    select: { id: true, email: true, displayName: true, role: true, disabled: true, locale: true, createdAt: true },
  });
  return ok(users);
}
