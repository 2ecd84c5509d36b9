import "server-only";
import type { NotificationData, NotificationKind } from "@/domain/notifications";
import type { Prisma } from "../db/generated/sqlite/client";

// notify(): the one door for telling a user something. It runs inside the transaction of the change
// that caused it, and hands the notification to every channel: in-app (a Notification row) today.
// Another channel (e-mail through an outbox, written in the same transaction) plugs in with
// registerNotificationChannel() without touching the callers.

type Client = Prisma.TransactionClient;

export interface OutgoingNotification {
  userId: string;
  kind: NotificationKind;
  releaseId?: string | null;
  data: NotificationData;
}

export interface NotificationChannel {
  name: string;
  deliver(tx: Client, notification: OutgoingNotification): Promise<void>;
}

/** In-app: a row the header counts and /admin/notifications lists. */
export const inAppChannel: NotificationChannel = {
  name: "in-app",
  async deliver(tx, n) {
    await tx.notification.create({
      data: { userId: n.userId, kind: n.kind, releaseId: n.releaseId ?? null, data: JSON.stringify(n.data) },
    });
  },
};

const channels: NotificationChannel[] = [inAppChannel];

export function registerNotificationChannel(channel: NotificationChannel): void {
  if (!channels.some((c) => c.name === channel.name)) channels.push(channel);
}

/**
 * Tells each user (once each, never the one who caused it). With `unlessUnread`, a user who has
 * not yet read the same kind of notification about the same release is not told again.
 */
export async function notify(
  tx: Client,
  userIds: readonly (string | null | undefined)[],
  n: Omit<OutgoingNotification, "userId">,
  options: { actorId?: string | null; unlessUnread?: boolean } = {},
): Promise<number> {
  const recipients = [...new Set(userIds.filter((u): u is string => !!u && u !== options.actorId))];
  let sent = 0;
  for (const userId of recipients) {
    if (options.unlessUnread) {
      const pending = await tx.notification.findFirst({
        where: { userId, kind: n.kind, releaseId: n.releaseId ?? null, readAt: null },
        select: { id: true },
      });
      if (pending) continue;
    }
    for (const channel of channels) await channel.deliver(tx, { ...n, userId });
    sent++;
  }
  return sent;
}
