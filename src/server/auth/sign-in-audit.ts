import "server-only";
import type { Db } from "../db/client";
import { recordAudit } from "../audit";

// What a failed sign-in leaves in the audit log. People type passwords into the email field, and
// anyone can post the form: so the typed text is never stored (a known account is named by its id;
// for an unknown one only a masked form of an email-shaped input), and attempts on accounts that do
// not exist are recorded once per streak and at most UNKNOWN_PER_HOUR times an hour in all.

export const UNKNOWN_PER_HOUR = 200;
const HOUR = 3_600_000;

/** "a…@agency.gov" for an email-shaped input; null for anything else (often a password). */
export function maskTyped(typed: string): string | null {
  const m = /^([^@\s]+)@([a-z0-9-]+(\.[a-z0-9-]+)+)$/i.exec(typed);
  if (!m || typed.length > 254) return null;
  return `${[...m[1]!][0]}…@${m[2]!.toLowerCase()}`;
}

export async function auditFailedSignIn(
  db: Db,
  attempt: { email: string; userId: string | null; ip: string | null; streak: number },
  now = new Date(),
): Promise<void> {
  const event = { actorId: null, action: "auth.sign_in_failed", ip: attempt.ip, at: now };
  if (attempt.userId) {
    // Attempts on real accounts are few (the throttle bounds them) and are what admins look for.
    await recordAudit(db, { ...event, targetId: attempt.userId, detail: { account: "known" } });
    return;
  }
  if (attempt.streak > 1) return;
  const recent = await db.auditEvent.count({
    where: { action: event.action, targetId: null, createdAt: { gte: new Date(now.getTime() - HOUR) } },
  });
  if (recent >= UNKNOWN_PER_HOUR) return;
  await recordAudit(db, { ...event, detail: { account: "unknown", typed: maskTyped(attempt.email) } });
}
