import "server-only";
import { randomBytes, randomUUID } from "node:crypto";
import type { Actor } from "@/domain/auth/actor";
import { can } from "@/domain/auth/permissions";
import { TEST_EVENT, type WebhookEvent } from "@/domain/distribution/states";
import { fail, ok, type Result } from "@/domain/result";
import { recordAudit } from "../audit";
import type { Db } from "../db/client";
import { env } from "../env";
import { checkWebhookHost } from "./address";
import { deliveryHeaders, outcome } from "./deliver-claimed";
import { testPayload } from "./payload";
import { postWebhook } from "./post";

// Managing webhooks (admins): create with a generated secret, change events, pause, rotate the
// secret, delete, and send a test event right away (logged like any delivery).

export const newSecret = () => `whsec_${randomBytes(24).toString("base64url")}`;

export async function createWebhook(
  db: Db,
  actor: Actor,
  input: { url: string; events: WebhookEvent[] },
  allowedHosts: readonly string[] = env().WEBHOOK_ALLOWED_HOSTS,
): Promise<Result<{ id: string }>> {
  if (!can(actor.role, "webhooks.manage")) return fail("forbidden");
  const check = await checkWebhookHost(new URL(input.url), allowedHosts);
  if (check === "blocked") return fail("webhook_address_blocked");
  if (check === "unresolvable") return fail("webhook_unresolvable");
  const hook = await db.webhook.create({
    data: { url: input.url, events: [...new Set(input.events)].join(","), secret: newSecret() },
  });
  await recordAudit(db, {
    actorId: actor.id,
    action: "webhook.created",
    targetId: hook.id,
    detail: { url: input.url },
  });
  return ok({ id: hook.id });
}

export async function updateWebhook(
  db: Db,
  actor: Actor,
  id: string,
  change: { events?: WebhookEvent[]; active?: boolean; rotateSecret?: boolean },
): Promise<Result<null>> {
  if (!can(actor.role, "webhooks.manage")) return fail("forbidden");
  const { count } = await db.webhook.updateMany({
    where: { id },
    data: {
      ...(change.events ? { events: [...new Set(change.events)].join(",") } : {}),
      ...(change.active === undefined ? {} : { active: change.active }),
      ...(change.rotateSecret ? { secret: newSecret() } : {}),
    },
  });
  if (count === 0) return fail("not_found");
  await recordAudit(db, { actorId: actor.id, action: "webhook.updated", targetId: id, detail: { ...change } });
  return ok(null);
}

export async function deleteWebhook(db: Db, actor: Actor, id: string): Promise<Result<null>> {
  if (!can(actor.role, "webhooks.manage")) return fail("forbidden");
  const { count } = await db.webhook.deleteMany({ where: { id } });
  if (count === 0) return fail("not_found");
  await recordAudit(db, { actorId: actor.id, action: "webhook.deleted", targetId: id });
  return ok(null);
}

/** Sends a signed test event now and logs it; the result says what the receiver answered. */
export async function sendTestEvent(
  db: Db,
  actor: Actor,
  id: string,
  options: { allowedHosts?: readonly string[]; timeoutMs?: number } = {},
): Promise<Result<{ status: number | null; error: string | null }>> {
  if (!can(actor.role, "webhooks.manage")) return fail("forbidden");
  const hook = await db.webhook.findUnique({ where: { id } });
  if (!hook) return fail("not_found");
  const now = new Date();
  const deliveryId = randomUUID();
  const body = JSON.stringify(testPayload(deliveryId, now));
  const result = await postWebhook(hook.url, body, {
    allowedHosts: options.allowedHosts ?? env().WEBHOOK_ALLOWED_HOSTS,
    timeoutMs: options.timeoutMs,
    headers: deliveryHeaders(deliveryId, TEST_EVENT, hook.secret, body, now),
  });
  const logged = outcome({ ...result, blocked: true }, 1, now, new Date()); // never retried
  await db.webhookDelivery.create({
    data: {
      id: deliveryId,
      webhookId: id,
      event: TEST_EVENT,
      payload: body,
      attempts: 1,
      nextAttemptAt: now,
      firstAttemptAt: now,
      ...logged,
    },
  });
  return ok({ status: result.status, error: result.error });
}
