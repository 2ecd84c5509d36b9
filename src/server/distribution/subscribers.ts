import "server-only";
import { randomUUID } from "node:crypto";
import type { SubscribeInput } from "@/domain/distribution/schemas";
import { fail, ok, type Result } from "@/domain/result";
import type { Db } from "../db/client";
import { hit, minutesLeft, SUBSCRIBE_LIMITS, subscribeKey } from "./throttle";
import { hashToken, isTokenShape } from "./tokens";

// Double opt-in. A request always answers the same (nothing tells whether the address is known):
// it queues a confirmation email whose link applies the requested language and categories. Nothing
// else is sent to an address before it confirms; a confirmed subscriber's choices change only
// through a new confirmation.

export const CONFIRM_TTL_MS = 7 * 24 * 3600_000;

interface Requested {
  language: string;
  categoryIds: string[];
}

export async function requestSubscription(
  db: Db,
  input: SubscribeInput,
  ip: string | null,
  now = new Date(),
): Promise<Result<null>> {
  const { ip: ipLimit, email: emailLimit } = SUBSCRIBE_LIMITS;
  const ipKey = ip && (await subscribeKey(db, "ip", ip));
  if (ipKey && !(await hit(db, ipKey, ipLimit.max, ipLimit.windowMs, now))) {
    const minutes = await minutesLeft(db, ipKey, ipLimit.windowMs, now);
    return fail("subscribe_throttled", { params: { minutes } });
  }
  const emailKey = await subscribeKey(db, "email", input.email);
  if (!(await hit(db, emailKey, emailLimit.max, emailLimit.windowMs, now))) return ok(null);
  const known = await db.category.findMany({ where: { id: { in: input.categoryIds } }, select: { id: true } });
  const wanted: Requested = { language: input.language, categoryIds: known.map((c) => c.id) };
  const subscriber = await db.subscriber.upsert({
    where: { email: input.email },
    create: { email: input.email, language: input.language, allCategories: wanted.categoryIds.length === 0 },
    update: {},
  });
  await db.mailMessage.create({
    data: {
      id: randomUUID(),
      dedupeKey: `confirm:${randomUUID()}`,
      kind: "confirm",
      email: input.email,
      language: input.language,
      subscriberId: subscriber.id,
      payload: JSON.stringify(wanted),
      nextAttemptAt: now,
    },
  });
  return ok(null);
}

async function confirmationFor(db: Db, token: unknown, now: Date) {
  if (!isTokenShape(token)) return null;
  const message = await db.mailMessage.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!message || message.kind !== "confirm" || !message.subscriberId) return null;
  if (now.getTime() - message.createdAt.getTime() > CONFIRM_TTL_MS) return null;
  return message;
}

/** Whether a confirmation link is valid (the page shows the button only then); nothing changes. */
export async function peekConfirmation(db: Db, token: unknown, now = new Date()): Promise<boolean> {
  return (await confirmationFor(db, token, now)) !== null;
}

export async function confirmSubscription(db: Db, token: unknown, now = new Date()): Promise<Result<null>> {
  const message = await confirmationFor(db, token, now);
  if (!message) return fail("token_invalid");
  const wanted = JSON.parse(message.payload ?? "{}") as Requested;
  const subscriberId = message.subscriberId!;
  await db.$transaction(async (tx) => {
    await tx.subscriberCategory.deleteMany({ where: { subscriberId } });
    await tx.subscriber.update({
      where: { id: subscriberId },
      data: {
        language: wanted.language,
        allCategories: wanted.categoryIds.length === 0,
        status: "confirmed",
        confirmedAt: now,
        unsubscribedAt: null,
        categories: { create: wanted.categoryIds.map((categoryId) => ({ categoryId })) },
      },
    });
    await tx.mailMessage.update({ where: { id: message.id }, data: { tokenHash: null } });
  });
  return ok(null);
}

async function messageForUnsubscribe(db: Db, token: unknown) {
  if (!isTokenShape(token)) return null;
  return db.mailMessage.findUnique({ where: { unsubscribeHash: hashToken(token) } });
}

/** The language to show the unsubscribe page in, or null when the link is not valid. */
export async function peekUnsubscribe(db: Db, token: unknown): Promise<{ language: string } | null> {
  const message = await messageForUnsubscribe(db, token);
  return message ? { language: message.language } : null;
}

/** Unsubscribes whoever received the email carrying `token`: the subscriber, or the journalist on every list. */
export async function unsubscribe(db: Db, token: unknown, now = new Date()): Promise<Result<{ language: string }>> {
  const message = await messageForUnsubscribe(db, token);
  if (!message) return fail("token_invalid");
  if (message.subscriberId) {
    await db.subscriber.updateMany({
      where: { id: message.subscriberId, status: { not: "unsubscribed" } },
      data: { status: "unsubscribed", unsubscribedAt: now },
    });
  }
  if (message.journalistId) {
    await db.journalist.updateMany({
      where: { email: message.email, unsubscribedAt: null },
      data: { unsubscribedAt: now },
    });
  }
  return ok({ language: message.language });
}
