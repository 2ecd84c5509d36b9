import "server-only";
import type { Db } from "../db/client";

// Counters for the public subscription form, in the sign-in throttle's table (keys "subscribe-…"):
// per client address (refused with a message: it says nothing about any email address) and per email
// address (silently ignored beyond the limit, so the answer stays the same).

export const SUBSCRIBE_LIMITS = {
  ip: { max: 10, windowMs: 3600_000 },
  email: { max: 3, windowMs: 24 * 3600_000 },
} as const;

/** Counts one attempt against `key`; false when the limit for its window is already reached. */
export async function hit(db: Db, key: string, max: number, windowMs: number, now: Date): Promise<boolean> {
  const row = await db.loginThrottle.findUnique({ where: { key } });
  const fresh = !row || now.getTime() - row.windowStart.getTime() > windowMs;
  if (!fresh && row.failures >= max) return false;
  const data = {
    failures: fresh ? 1 : row.failures + 1,
    windowStart: fresh ? now : row.windowStart,
    lockedUntil: null,
  };
  await db.loginThrottle.upsert({ where: { key }, create: { key, ...data }, update: data });
  return true;
}

/** Minutes until `key` may try again (0 when it may now). */
export async function minutesLeft(db: Db, key: string, windowMs: number, now: Date): Promise<number> {
  const row = await db.loginThrottle.findUnique({ where: { key } });
  if (!row) return 0;
  return Math.max(0, Math.ceil((row.windowStart.getTime() + windowMs - now.getTime()) / 60_000));
}
