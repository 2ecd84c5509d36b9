import "server-only";
import type { Db } from "../db/client";

// Failed sign-ins are counted per account and per client IP within a window. Past the limit the key
// is locked for a while. Accounts that do not exist are counted the same way, so the response never
// reveals whether an email is registered.

export const WINDOW_MS = 15 * 60 * 1000;
export const LOCK_MS = 15 * 60 * 1000;
export const LIMITS = { email: 5, ip: 20 } as const;

export type ThrottleKey = `email:${string}` | `ip:${string}`;

export const throttleKeys = (email: string, ip: string | null): ThrottleKey[] =>
  ip ? [`email:${email.toLowerCase()}`, `ip:${ip}`] : [`email:${email.toLowerCase()}`];

const limitOf = (key: ThrottleKey) => (key.startsWith("email:") ? LIMITS.email : LIMITS.ip);

/** Milliseconds until sign-in is allowed again, or 0 when it is allowed now. */
export async function lockedFor(db: Db, keys: ThrottleKey[], now = new Date()): Promise<number> {
  const rows = await db.loginThrottle.findMany({ where: { key: { in: keys } } });
  const until = Math.max(0, ...rows.map((r) => r.lockedUntil?.getTime() ?? 0));
  return Math.max(0, until - now.getTime());
}

export async function recordFailure(db: Db, keys: ThrottleKey[], now = new Date()): Promise<void> {
  for (const key of keys) {
    const row = await db.loginThrottle.findUnique({ where: { key } });
    const fresh = !row || now.getTime() - row.windowStart.getTime() > WINDOW_MS;
    const failures = fresh ? 1 : row.failures + 1;
    const lockedUntil = failures >= limitOf(key) ? new Date(now.getTime() + LOCK_MS) : (row?.lockedUntil ?? null);
    const data = { failures, windowStart: fresh ? now : row.windowStart, lockedUntil };
    await db.loginThrottle.upsert({ where: { key }, create: { key, ...data }, update: data });
  }
}

export async function clearFailures(db: Db, key: ThrottleKey): Promise<void> {
  await db.loginThrottle.deleteMany({ where: { key } });
}
