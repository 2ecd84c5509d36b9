import "server-only";
import type { ContentLocale as Locale } from "@/i18n/settings";
import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../db/client";

// Database sessions. The browser holds a random 256-bit token; the table stores only its SHA-256,
// so a leaked database does not yield usable cookies. A new token is issued at every sign-in.

export { SESSION_COOKIE } from "@/contract";
/** Signed out after this long without a request. */
export const IDLE_TIMEOUT_MS = 4 * 60 * 60 * 1000;
/** Signed out this long after sign-in, however active. */
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60 * 1000;
/** lastSeenAt is written at most this often, to keep reads cheap. */
const TOUCH_INTERVAL_MS = 60 * 1000;

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export async function createSession(
  db: Db,
  userId: string,
  meta: { ip?: string | null; userAgent?: string | null } = {},
  now = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + ABSOLUTE_TIMEOUT_MS);
  await db.session.create({
    data: {
      id: hashToken(token),
      userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
      ip: meta.ip?.slice(0, 64) ?? null,
      userAgent: meta.userAgent?.slice(0, 256) ?? null,
    },
  });
  return { token, expiresAt };
}

export interface SessionUser {
  sessionId: string;
  id: string;
  email: string;
  displayName: string;
  role: "ADMIN" | "EDITOR" | "TRANSLATOR";
  locale: Locale;
}

/** The user behind a token, or null when the session is unknown, expired, idle or the user disabled. */
export async function findSessionUser(
  db: Db,
  token: string | undefined,
  now = new Date(),
): Promise<SessionUser | null> {
  if (!token || token.length > 128) return null;
  const id = hashToken(token);
  const session = await db.session.findUnique({ where: { id }, include: { user: true } });
  if (!session) return null;
  const idle = now.getTime() - session.lastSeenAt.getTime() > IDLE_TIMEOUT_MS;
  if (session.expiresAt <= now || idle || session.user.disabled) {
    await db.session.deleteMany({ where: { id } });
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await db.session.updateMany({ where: { id }, data: { lastSeenAt: now } });
  }
  const { user } = session;
  return {
    sessionId: id,
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    locale: user.locale,
  };
}

export async function revokeSession(db: Db, token: string | undefined): Promise<void> {
  if (token) await db.session.deleteMany({ where: { id: hashToken(token) } });
}

/** Ends every session of a user, optionally keeping the current one. */
export async function revokeUserSessions(db: Db, userId: string, keepSessionId?: string): Promise<number> {
  const { count } = await db.session.deleteMany({
    where: { userId, ...(keepSessionId ? { id: { not: keepSessionId } } : {}) },
  });
  return count;
}
