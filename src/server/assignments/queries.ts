import "server-only";
import { can, ROLES } from "@/domain/auth/permissions";
import type { Db } from "../db/client";

// Read models: /admin/my, the dashboard's overdue list, the assignment form.

const releaseTitle = {
  release: {
    select: { id: true, status: true, contents: { where: { locale: "zh" as const }, select: { title: true } } },
  },
};

export type AssignmentRow = Awaited<ReturnType<typeof listMyAssignments>>["open"][number];

/** A user's open assignments by due time, and the 20 most recently completed. */
export async function listMyAssignments(db: Db, userId: string) {
  const [open, done] = await Promise.all([
    db.translationAssignment.findMany({
      where: { assigneeId: userId, completedAt: null },
      orderBy: [{ dueAt: "asc" }, { id: "asc" }],
      take: 200,
      include: { ...releaseTitle, assignedBy: { select: { displayName: true } } },
    }),
    db.translationAssignment.findMany({
      where: { assigneeId: userId, completedAt: { not: null } },
      orderBy: { completedAt: "desc" },
      take: 20,
      include: { ...releaseTitle, assignedBy: { select: { displayName: true } } },
    }),
  ]);
  return { open, done };
}

export const OVERDUE_SHOWN = 20;

/** Open assignments past their due time, the most overdue first (at most OVERDUE_SHOWN, with the count). */
export async function listOverdue(db: Db, now = new Date()) {
  const where = { completedAt: null, dueAt: { lt: now } };
  const [items, total] = await Promise.all([
    db.translationAssignment.findMany({
      where,
      orderBy: [{ dueAt: "asc" }, { id: "asc" }],
      take: OVERDUE_SHOWN,
      include: { ...releaseTitle, assignee: { select: { displayName: true } } },
    }),
    db.translationAssignment.count({ where }),
  ]);
  return { items, total };
}

export async function getAssignment(db: Db, releaseId: string) {
  return db.translationAssignment.findUnique({
    where: { releaseId },
    include: { assignee: { select: { displayName: true } }, assignedBy: { select: { displayName: true } } },
  });
}

/** Active users who may translate, translators first. */
export async function listAssignees(db: Db) {
  const roles = ROLES.filter((r) => can(r, "translation.write"));
  const users = await db.user.findMany({
    where: { disabled: false, role: { in: roles } },
    orderBy: [{ displayName: "asc" }],
    select: { id: true, displayName: true, role: true },
    take: 500,
  });
  return users.sort((a, b) => Number(b.role === "TRANSLATOR") - Number(a.role === "TRANSLATOR"));
}
