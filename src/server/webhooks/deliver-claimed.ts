import "server-only";
import { nextTryAt } from "@/domain/distribution/retry";
import type { Db } from "../db/client";
import { env } from "../env";
import { releasePayload } from "./payload";
import { postWebhook, signatureHeader, type PostResult } from "./post";

// Delivering one claimed webhook event: the body is fixed at the first try (from the live snapshot),
// signed anew at every try (fresh timestamp), sent, and the outcome logged on the row. 2xx is
// delivered; anything else is retried with backoff for up to 72 hours; a refused address fails at once.

export interface DeliverContext {
  db: Db;
  workerId: string;
  clock: () => Date;
  allowedHosts?: string[];
  timeoutMs?: number;
}

export function deliveryHeaders(id: string, event: string, secret: string, body: string, now: Date) {
  return {
    "X-Newsroom-Event": event,
    "X-Newsroom-Delivery": id,
    "X-Newsroom-Signature": signatureHeader(secret, body, Math.floor(now.getTime() / 1000)),
  };
}

export async function deliverClaimed(ctx: DeliverContext, id: string): Promise<void> {
  const { db, workerId } = ctx;
  const now = ctx.clock();
  const row = await db.webhookDelivery.findUnique({ where: { id }, include: { webhook: true } });
  if (!row || row.state !== "sending" || row.lockedBy !== workerId) return;
  const mine = { id, lockedBy: workerId, state: "sending" };
  if (!row.webhook.active)
    return void (await db.webhookDelivery.updateMany({ where: mine, data: { state: "cancelled" } }));
  let body = row.payload;
  if (!body) {
    const live = row.releaseId
      ? await db.publication.findFirst({ where: { releaseId: row.releaseId }, select: { publishedAt: true } })
      : null;
    if (!live) return void (await db.webhookDelivery.updateMany({ where: mine, data: { state: "cancelled" } }));
    if (live.publishedAt > now) {
      await db.webhookDelivery.updateMany({
        where: mine,
        data: { state: "queued", nextAttemptAt: live.publishedAt, attempts: { decrement: 1 }, lockedBy: null },
      });
      return;
    }
    body = JSON.stringify(await releasePayload(db, id, row.event, row.releaseId!, now));
  }
  const timeoutMs = ctx.timeoutMs ?? 10_000;
  const { count } = await db.webhookDelivery.updateMany({
    where: mine,
    data: { payload: body, nextAttemptAt: new Date(now.getTime() + timeoutMs + 60_000) },
  });
  if (count !== 1) return;
  const result = await postWebhook(row.webhook.url, body, {
    allowedHosts: ctx.allowedHosts ?? env().WEBHOOK_ALLOWED_HOSTS,
    timeoutMs,
    headers: deliveryHeaders(id, row.event, row.webhook.secret, body, now),
  });
  await db.webhookDelivery.update({
    where: { id },
    data: outcome(result, row.attempts, row.firstAttemptAt ?? now, ctx.clock()),
  });
}

export function outcome(result: PostResult, attempts: number, firstAttemptAt: Date, now: Date) {
  const logged = {
    responseStatus: result.status,
    error: result.error ?? (result.status && result.status >= 300 ? result.snippet.slice(0, 300) || null : null),
    durationMs: result.durationMs,
    lockedBy: null,
  };
  if (result.status !== null && result.status >= 200 && result.status < 300)
    return { ...logged, state: "sent", deliveredAt: now };
  const next = result.blocked ? null : nextTryAt(attempts, firstAttemptAt, now);
  return next ? { ...logged, state: "deferred", nextAttemptAt: next } : { ...logged, state: "failed" };
}
