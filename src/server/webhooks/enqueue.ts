import "server-only";
import { randomUUID } from "node:crypto";
import type { WebhookEvent } from "@/domain/distribution/states";
import type { Tx } from "../releases/transaction";
import { releasePayload } from "./payload";

// Webhook events are outbox rows written in the workflow's transaction. A publication's event is due
// at its publication time (nothing leaves before an embargo lifts) and its body is built when it is
// first sent, from the live snapshot; a withdrawal's body is built now, while the snapshot exists.

export async function enqueueReleaseEvent(tx: Tx, releaseId: string, event: WebhookEvent, at: Date, now: Date) {
  const hooks = await tx.webhook.findMany({ where: { active: true }, select: { id: true, events: true } });
  for (const hook of hooks.filter((h) => h.events.split(",").includes(event))) {
    const id = randomUUID();
    const payload =
      event === "release.withdrawn" ? JSON.stringify(await releasePayload(tx, id, event, releaseId, now)) : null;
    await tx.webhookDelivery.create({
      data: { id, webhookId: hook.id, event, releaseId, payload, nextAttemptAt: at },
    });
  }
}

/** Events of a release not sent yet (embargo not lifted, or still retrying): they no longer apply. */
export async function unscheduleReleaseEvents(tx: Tx, releaseId: string) {
  await tx.webhookDelivery.updateMany({
    where: {
      releaseId,
      event: { in: ["release.published", "release.updated"] },
      state: { in: ["queued", "deferred"] },
    },
    data: { state: "cancelled" },
  });
}
