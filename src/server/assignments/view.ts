import "server-only";
import { can, type Role } from "@/domain/auth/permissions";
import { formatDateTime } from "@/i18n/datetime";
import type { Locale } from "@/i18n/settings";
import type { Db } from "../db/client";
import { env } from "../env";
import { getAssignment, listAssignees } from "./queries";

/** What the assignment panel of a release page shows to this reader. */
export async function assignmentPanelData(db: Db, releaseId: string, user: { role: Role; locale: Locale }) {
  const [a, assignees] = await Promise.all([
    getAssignment(db, releaseId),
    can(user.role, "assignment.manage") ? listAssignees(db) : Promise.resolve(null),
  ]);
  const current = a && {
    assignee: a.assignee.displayName,
    due: formatDateTime(a.dueAt, user.locale, env().NEWSROOM_TIMEZONE),
    overdue: a.dueAt < new Date(),
    started: a.startedAt !== null,
    completed: a.completedAt !== null,
    note: a.note,
  };
  return { current, assignees: assignees && assignees.map((u) => ({ id: u.id, name: u.displayName })) };
}
