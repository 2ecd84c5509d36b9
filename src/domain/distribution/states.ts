// States of an outbox row (an email or a webhook delivery) and the counts the back office shows.

export const MAIL_STATES = ["queued", "sending", "sent", "deferred", "failed", "suppressed"] as const;
export type MailState = (typeof MAIL_STATES)[number];

/** The states shown on the delivery page: "sending" (claimed, in flight) is still queued there. */
export const SHOWN_STATES = ["queued", "sent", "deferred", "failed", "suppressed"] as const;
export type ShownState = (typeof SHOWN_STATES)[number];

export const shownState = (state: string): ShownState =>
  state === "sending"
    ? "queued"
    : (SHOWN_STATES as readonly string[]).includes(state)
      ? (state as ShownState)
      : "failed";

export function countByShownState(rows: { state: string; count: number }[]): Record<ShownState, number> {
  const counts = Object.fromEntries(SHOWN_STATES.map((s) => [s, 0])) as Record<ShownState, number>;
  for (const row of rows) counts[shownState(row.state)] += row.count;
  return counts;
}

export const WEBHOOK_EVENTS = ["release.published", "release.updated", "release.withdrawn"] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];
export const TEST_EVENT = "webhook.test";

export function isWebhookEvent(value: unknown): value is WebhookEvent {
  return typeof value === "string" && (WEBHOOK_EVENTS as readonly string[]).includes(value);
}
