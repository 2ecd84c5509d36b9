import "server-only";
import type { Db } from "./db/client";

// The audit log: who did what, when, with the status change where there is one.
// Takes the database or a transaction, so an event commits or rolls back with its change.

export interface AuditInput {
  actorId: string | null;
  action: string;
  releaseId?: string;
  targetId?: string;
  fromStatus?: string;
  toStatus?: string;
  detail?: unknown;
  ip?: string | null;
  /** when it happened; the database's clock when omitted */
  at?: Date;
}

export async function recordAudit(client: Pick<Db, "auditEvent">, event: AuditInput): Promise<void> {
  await client.auditEvent.create({
    data: {
      actorId: event.actorId,
      action: event.action,
      releaseId: event.releaseId ?? null,
      targetId: event.targetId ?? null,
      fromStatus: event.fromStatus ?? null,
      toStatus: event.toStatus ?? null,
      detail: event.detail === undefined ? null : JSON.stringify(event.detail),
      ip: event.ip?.slice(0, 64) ?? null,
      ...(event.at ? { createdAt: event.at } : {}),
    },
  });
}
