// In-app notifications: what happened to whom. The text is made when shown, in the reader's
// language, from `kind` and `data` (locales: admin.notifications.kind.*).

export const NOTIFICATION_KINDS = ["assigned", "sourceChanged", "published", "dueSoon"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface NotificationData {
  /** the release's Chinese title when it happened */
  title?: string;
  /** ISO time: the assignment's due time */
  dueAt?: string;
  /** who did it (display name) */
  by?: string;
}

/** Assignments due within this long get a "due soon" notification (once). */
export const DUE_SOON_MS = 24 * 3600 * 1000;

export const isNotificationKind = (k: string): k is NotificationKind =>
  (NOTIFICATION_KINDS as readonly string[]).includes(k);
