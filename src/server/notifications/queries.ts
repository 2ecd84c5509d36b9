import "server-only";
import { isNotificationKind, type NotificationData, type NotificationKind } from "@/domain/notifications";
import type { Db } from "../db/client";
import { dueSoonFor } from "./events";

// What the header counts and /admin/notifications lists: one user's own notifications only.

export const NOTIFICATIONS_PAGE_SIZE = 30;
/** The header shows "99+" beyond this. */
export const COUNT_CAP = 99;

/** Unread notifications, counted up to COUNT_CAP + 1; due-soon ones are made first. */
export async function unreadCount(db: Db, userId: string, now = new Date()): Promise<number> {
  await db.$transaction((tx) => dueSoonFor(tx, userId, now));
  const rows = await db.notification.findMany({
    where: { userId, readAt: null },
    select: { id: true },
    take: COUNT_CAP + 1,
  });
  return rows.length;
}

export interface NotificationRow {
  id: string;
  kind: NotificationKind;
  releaseId: string | null;
  data: NotificationData;
  readAt: Date | null;
  createdAt: Date;
}

/** Newest first, a page at a time (keyset on createdAt, id). */
export async function listNotifications(db: Db, userId: string, before?: { at: Date; id: string } | null) {
  const rows = await db.notification.findMany({
    where: {
      userId,
      ...(before ? { OR: [{ createdAt: { lt: before.at } }, { createdAt: before.at, id: { lt: before.id } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: NOTIFICATIONS_PAGE_SIZE + 1,
  });
  const items: NotificationRow[] = rows.slice(0, NOTIFICATIONS_PAGE_SIZE).flatMap((r) => {
    if (!isNotificationKind(r.kind)) return [];
    let data: NotificationData = {};
    try {
      data = JSON.parse(r.data) as NotificationData;
    } catch {
      /* an unreadable row still shows, without details */
    }
    return [{ id: r.id, kind: r.kind, releaseId: r.releaseId, data, readAt: r.readAt, createdAt: r.createdAt }];
  });
  const last = rows[NOTIFICATIONS_PAGE_SIZE - 1];
  return { items, next: rows.length > NOTIFICATIONS_PAGE_SIZE && last ? { at: last.createdAt, id: last.id } : null };
}
