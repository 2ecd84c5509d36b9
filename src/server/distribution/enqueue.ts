import "server-only";
import { NO_DISTRIBUTION, type DistributionChoice } from "@/domain/distribution/schemas";
import type { Tx } from "../releases/transaction";
import { enqueueReleaseEvent, unscheduleReleaseEvents } from "../webhooks/enqueue";

// What a publish or a withdrawal means for distribution, written in the workflow's own transaction:
// a publish that rolls back sends nothing, a withdrawal that commits cancels what was waiting.
// Called once from runWorkflow (src/server/releases/lifecycle.ts), before the live snapshot changes.

export type DistributionCommand =
  | { type: "publish"; at?: Date | null; distribution?: DistributionChoice }
  | { type: "withdraw" }
  | { type: "markTranslated" };

export async function onWorkflowChange(
  tx: Tx,
  releaseId: string,
  command: DistributionCommand,
  actorId: string,
  now: Date,
) {
  if (command.type === "markTranslated") return;
  const prior = await tx.publication.findFirst({ where: { releaseId }, select: { publishedAt: true } });
  const wasLive = !!prior && prior.publishedAt <= now;
  if (command.type === "withdraw") return onWithdraw(tx, releaseId, wasLive, now);
  const at = command.at ?? now;
  await reschedulePending(tx, releaseId, at);
  const choice = command.distribution ?? NO_DISTRIBUTION;
  if (choice.subscribers || choice.listIds.length > 0) {
    const round = await roundFor(tx, releaseId, choice.resend);
    await tx.mailDispatch.create({
      data: {
        releaseId,
        kind: "release",
        round,
        subscribers: choice.subscribers,
        listIds: JSON.stringify(choice.listIds),
        notBefore: at,
        createdById: actorId,
      },
    });
  }
  if (!wasLive) await unscheduleReleaseEvents(tx, releaseId);
  await enqueueReleaseEvent(tx, releaseId, wasLive ? "release.updated" : "release.published", at, now);
}

/** Release mail that has not gone out yet follows the new publication time (an embargo moved). */
async function reschedulePending(tx: Tx, releaseId: string, at: Date) {
  await tx.mailDispatch.updateMany({
    where: { releaseId, kind: "release", phase: { not: "done" } },
    data: { notBefore: at },
  });
}

/** The round a new dispatch belongs to: the current one (nobody gets a release twice) unless resending. */
async function roundFor(tx: Tx, releaseId: string, resend: boolean): Promise<number> {
  const last = await tx.mailDispatch.findFirst({
    where: { releaseId, kind: "release" },
    orderBy: { round: "desc" },
    select: { round: true },
  });
  if (!last) return 1;
  return resend ? last.round + 1 : last.round;
}

async function onWithdraw(tx: Tx, releaseId: string, wasLive: boolean, now: Date) {
  // Not yet expanded: gone. Expanded but not sent: gone (their dedupe keys free again, so a later
  // publication reaches them). Sent stays sent; a message in flight is checked again before sending.
  await tx.mailDispatch.deleteMany({ where: { releaseId, phase: { not: "done" } } });
  await tx.mailMessage.deleteMany({ where: { releaseId, state: { in: ["queued", "deferred"] } } });
  await tx.embargoGrant.updateMany({ where: { releaseId, revokedAt: null }, data: { revokedAt: now } });
  await unscheduleReleaseEvents(tx, releaseId);
  if (wasLive) await enqueueReleaseEvent(tx, releaseId, "release.withdrawn", now, now);
}

/** Early access: the private link to chosen lists, for a release whose embargo has not lifted. */
export async function createEmbargoDispatch(tx: Tx, releaseId: string, listIds: string[], actorId: string, now: Date) {
  await tx.mailDispatch.create({
    data: {
      releaseId,
      kind: "embargo",
      round: 1,
      subscribers: false,
      listIds: JSON.stringify(listIds),
      notBefore: now,
      createdById: actorId,
    },
  });
}
