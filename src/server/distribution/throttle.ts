import "server-only";
import { clientPrefix } from "@/domain/auth/throttle-policy";
import type { Db } from "../db/client";
import { Prisma } from "../db/generated/sqlite/client";
import { keyedHash } from "../auth/secrets";

// Counters for the public subscription form, kept in the sign-in throttle's table (AuthThrottle):
// per client address (refused with a message: it says nothing about any email address) and per email
// address (silently ignored beyond the limit, so the answer stays the same). Fixed windows:
// "lastFailureMs" holds the window's start. Keys are HMACs: no address is stored.

export const SUBSCRIBE_LIMITS = {
  ip: { max: 10, windowMs: 3600_000 },
  email: { max: 3, windowMs: 24 * 3600_000 },
} as const;

export type SubscribeKind = keyof typeof SUBSCRIBE_LIMITS;

export async function subscribeKey(db: Db, kind: SubscribeKind, value: string): Promise<string> {
  const subject = kind === "ip" ? clientPrefix(value) : value;
  return `subscribe-${kind}:${(await keyedHash(db, "throttle", `subscribe-${kind}\n${subject}`)).slice(0, 32)}`;
}

const big = (n: number) => Prisma.sql`CAST(${n} AS BIGINT)`;

/**
 * Counts one attempt against `key` in one conditional upsert (parallel requests can never pass the
 * limit); false when the limit of the current window is already reached.
 */
export async function hit(db: Db, key: string, max: number, windowMs: number, now: Date): Promise<boolean> {
  const ms = now.getTime();
  const expired = Prisma.sql`"AuthThrottle"."lastFailureMs" <= ${big(ms - windowMs)}`;
  const rows = await db.$queryRaw<{ failures: number | bigint }[]>`
    INSERT INTO "AuthThrottle" ("key", "failures", "lastFailureMs", "nextAttemptMs")
    VALUES (${key}, 1, ${big(ms)}, ${big(0)})
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = CASE WHEN ${expired} THEN 1 ELSE "AuthThrottle"."failures" + 1 END,
      "lastFailureMs" = CASE WHEN ${expired} THEN ${big(ms)} ELSE "AuthThrottle"."lastFailureMs" END
    WHERE ${expired} OR "AuthThrottle"."failures" < ${max}
    RETURNING "failures"`;
  return rows.length > 0;
}

/** Minutes until `key` may try again (0 when it may now). */
export async function minutesLeft(db: Db, key: string, windowMs: number, now: Date): Promise<number> {
  const row = await db.authThrottle.findUnique({ where: { key } });
  if (!row) return 0;
  return Math.max(0, Math.ceil((Number(row.lastFailureMs) + windowMs - now.getTime()) / 60_000));
}
