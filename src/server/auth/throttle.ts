import "server-only";
import {
  THROTTLE_POLICIES,
  clientPrefix,
  delayLadder,
  type ThrottleKind,
  type ThrottlePolicy,
} from "@/domain/auth/throttle-policy";
import type { Db } from "../db/client";
import { Prisma } from "../db/generated/sqlite/client";
import { keyedHash } from "./secrets";

// Progressive delays (src/domain/auth/throttle-policy.ts) kept in the database. An attempt is
// counted as a failure *before* the password is checked, in the same statement that checks the
// key may be tried now (a conditional upsert), so parallel requests can never get more checks than
// the policy allows; a success then gives the attempt back. Keys hold an HMAC of the account,
// browser, address or user, never the typed text.

export type ThrottleKey = `${ThrottleKind}:${string}`;

export async function throttleKey(db: Db, kind: ThrottleKind, value: string): Promise<ThrottleKey> {
  const mac = await keyedHash(db, "throttle", `${kind}\n${value}`);
  return `${kind}:${mac.slice(0, 32)}`;
}

/** The keys of a sign-in: the trusted browser or else the account, and the client's address. */
export async function signInKeys(
  db: Db,
  input: { email: string; device: string | null; ip: string | null },
): Promise<ThrottleKey[]> {
  const keys = [
    input.device ? await throttleKey(db, "device", input.device) : await throttleKey(db, "account", input.email),
  ];
  if (input.ip) keys.push(await throttleKey(db, "client", clientPrefix(input.ip)));
  return keys;
}

const policyOf = (key: ThrottleKey): ThrottlePolicy =>
  THROTTLE_POLICIES[key.slice(0, key.indexOf(":")) as ThrottleKind];
const big = (n: number) => Prisma.sql`CAST(${n} AS BIGINT)`;

/** Counts one attempt on `key` if it may be tried at `ms`: the new failure count, or null (must wait). */
async function countAttempt(tx: Prisma.TransactionClient, key: ThrottleKey, ms: number): Promise<number | null> {
  const policy = policyOf(key);
  const ladder = delayLadder(policy);
  const failures = Prisma.sql`(CASE WHEN "AuthThrottle"."lastFailureMs" < ${big(ms - policy.forgetMs)} THEN 1 ELSE "AuthThrottle"."failures" + 1 END)`;
  // When the next attempt may come: "now" plus the delay; 0 while no delay applies (so clocks a
  // little apart on several instances never refuse a free attempt).
  const next = (d: number) => big(d === 0 ? 0 : ms + d);
  const nextAttempt = Prisma.sql`(CASE ${failures} ${Prisma.join(
    ladder.map((d, i) => Prisma.sql`WHEN ${i + 1} THEN ${next(d)}`),
    " ",
  )} ELSE ${next(policy.maxMs)} END)`;
  const rows = await tx.$queryRaw<{ failures: number | bigint }[]>`
    INSERT INTO "AuthThrottle" ("key", "failures", "lastFailureMs", "nextAttemptMs")
    VALUES (${key}, 1, ${big(ms)}, ${next(ladder[0]!)})
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = ${failures},
      "lastFailureMs" = ${big(ms)},
      "nextAttemptMs" = ${nextAttempt}
    WHERE "AuthThrottle"."nextAttemptMs" <= ${big(ms)}
    RETURNING "failures"`;
  return rows[0] ? Number(rows[0].failures) : null;
}

class MustWait extends Error {}

export type Reservation = { ok: true; failures: Map<ThrottleKey, number> } | { ok: false; waitMs: number };

/**
 * Counts one attempt against every key, all or none: when any key must still wait, nothing is
 * counted and the answer says how long. Keys are taken in one order, so concurrent attempts on
 * PostgreSQL queue on the row locks instead of deadlocking.
 */
export async function reserveAttempt(db: Db, keys: ThrottleKey[], now = new Date()): Promise<Reservation> {
  const ordered = [...new Set(keys)].sort();
  const ms = now.getTime();
  try {
    const failures = await db.$transaction(async (tx) => {
      const counted = new Map<ThrottleKey, number>();
      for (const key of ordered) {
        const n = await countAttempt(tx, key, ms);
        if (n === null) throw new MustWait();
        counted.set(key, n);
      }
      return counted;
    });
    return { ok: true, failures };
  } catch (error) {
    if (!(error instanceof MustWait)) throw error;
    const rows = await db.authThrottle.findMany({ where: { key: { in: ordered } } });
    const until = Math.max(ms, ...rows.map((r) => Number(r.nextAttemptMs)));
    return { ok: false, waitMs: until - ms };
  }
}

/**
 * The password was right: an account, browser or user starts over; a client address only gets
 * this attempt back (a valid account of one's own must not wipe the failures on others).
 */
export async function recordSuccess(db: Db, keys: ThrottleKey[]): Promise<void> {
  for (const key of keys) {
    if (!key.startsWith("client:")) {
      await db.authThrottle.deleteMany({ where: { key } });
      continue;
    }
    const { free } = policyOf(key);
    await db.$executeRaw`
      UPDATE "AuthThrottle" SET
        "failures" = "failures" - 1,
        "nextAttemptMs" = CASE WHEN "failures" - 1 < ${free} THEN ${big(0)} ELSE "nextAttemptMs" END
      WHERE "key" = ${key} AND "failures" > 0`;
  }
}

/** Milliseconds before a throttled attempt may be tried, as whole minutes for the message. */
export const waitMinutes = (waitMs: number) => Math.max(1, Math.ceil(waitMs / 60_000));
