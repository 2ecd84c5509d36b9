// When a failed send or webhook delivery is tried again: exponential backoff from one minute,
// capped at four hours between tries, with jitter, given up 72 hours after the first try.

export const RETRY_WINDOW_MS = 72 * 3600_000;
const FIRST_DELAY_MS = 60_000;
const MAX_DELAY_MS = 4 * 3600_000;

/** The delay before try number `attempts + 1`, after `attempts` failed tries (≥ 1). */
export function backoffMs(attempts: number, random = Math.random): number {
  const base = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (0.9 + 0.2 * random()));
}

/** The next try, or null when the retry window (from the first try) is over. */
export function nextTryAt(attempts: number, firstAttemptAt: Date, now: Date, random = Math.random): Date | null {
  const at = now.getTime() + backoffMs(attempts, random);
  return at - firstAttemptAt.getTime() > RETRY_WINDOW_MS ? null : new Date(at);
}
