import "server-only";
import type { Actor } from "@/domain/auth/actor";
import { can } from "@/domain/auth/permissions";
import { fail, ok, type Result } from "@/domain/result";
import { recordAudit } from "../audit";
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/sqlite/client";
import { assigned } from "../notifications/events";

// Who translates a release by when. Editors and admins assign (one assignee per release; assigning
// again replaces); the assignee is told; the assignment is started by the assignee's first English
// save and completed when the release is marked translated.

type Client = Prisma.TransactionClient;

export interface AssignInput {
  releaseId: string;
  assigneeId: string;
  dueAt: Date;
  note: string;
}

export async function assignTranslation(
  db: Db,
  actor: Actor | null,
  input: AssignInput,
): Promise<Result<{ id: string }>> {
  if (!actor || !can(actor.role, "assignment.manage")) return fail("forbidden");
  const [release, assignee] = await Promise.all([
    db.release.findUnique({ where: { id: input.releaseId }, select: { id: true } }),
    db.user.findUnique({ where: { id: input.assigneeId }, select: { role: true, disabled: true } }),
  ]);
  if (!release) return fail("not_found");
  if (!assignee || assignee.disabled || !can(assignee.role, "translation.write")) return fail("assignee_invalid");
  const fields = { assigneeId: input.assigneeId, assignedById: actor.id, dueAt: input.dueAt, note: input.note };
  const reset = { startedAt: null, completedAt: null, dueSoonNotifiedAt: null };
  const row = await db.$transaction(async (tx) => {
    const saved = await tx.translationAssignment.upsert({
      where: { releaseId: input.releaseId },
      create: { releaseId: input.releaseId, ...fields },
      update: { ...fields, ...reset },
    });
    await assigned(tx, input.releaseId, input.assigneeId, input.dueAt, actor.id);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "release.assigned",
      releaseId: input.releaseId,
      targetId: input.assigneeId,
      detail: { dueAt: input.dueAt.toISOString() },
    });
    return saved;
  });
  return ok({ id: row.id });
}

export async function unassignTranslation(db: Db, actor: Actor | null, releaseId: string): Promise<Result<null>> {
  if (!actor || !can(actor.role, "assignment.manage")) return fail("forbidden");
  const existing = await db.translationAssignment.findUnique({ where: { releaseId } });
  if (!existing) return fail("assignment_not_found");
  await db.$transaction(async (tx) => {
    await tx.translationAssignment.delete({ where: { releaseId } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "release.unassigned",
      releaseId,
      targetId: existing.assigneeId,
    });
  });
  return ok(null);
}

/** The assignee saved English: the assignment has started (first save only). */
export async function markStarted(tx: Client, releaseId: string, userId: string, now = new Date()): Promise<void> {
  await tx.translationAssignment.updateMany({
    where: { releaseId, assigneeId: userId, startedAt: null },
    data: { startedAt: now },
  });
}

/** Marked translated: the assignment is done. */
export async function markCompleted(tx: Client, releaseId: string, now = new Date()): Promise<void> {
  await tx.translationAssignment.updateMany({ where: { releaseId, completedAt: null }, data: { completedAt: now } });
}
