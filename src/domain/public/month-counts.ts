// The pure part of the public read model: from the stored per-month counts (which include
// embargoed publications) to what readers may see now, and where a page of a newest-first list
// begins. The database side is src/server/releases/public-counts.ts.
import type { MonthKey } from "./calendar";

/** A stored count: live publications of one month, embargoed ones included. */
export interface StoredMonth {
  month: MonthKey;
  count: number;
  /** the latest publication time counted in the month */
  latestAt: Date;
}

/** Publications readers can see in one month. */
export interface MonthCount {
  month: MonthKey;
  count: number;
}

/**
 * True when the current month still holds an embargoed publication, so its visible count must be
 * counted in the database (up to now). Earlier months are entirely in the past; later ones
 * entirely embargoed.
 */
export function currentMonthPending(stored: readonly StoredMonth[], current: MonthKey, now: Date): boolean {
  const row = stored.find((m) => m.month === current);
  return row !== undefined && row.count > 0 && row.latestAt.getTime() > now.getTime();
}

/**
 * Visible counts per month, newest first, months without a visible publication left out.
 * `liveCurrent` is the current month's count up to now when `currentMonthPending` said so.
 */
export function visibleMonths(
  stored: readonly StoredMonth[],
  current: MonthKey,
  liveCurrent: number | null,
): MonthCount[] {
  const out: MonthCount[] = [];
  for (const m of stored) {
    if (m.month > current) continue;
    const count = m.month === current && liveCurrent !== null ? liveCurrent : m.count;
    if (count > 0) out.push({ month: m.month, count });
  }
  return out.sort((a, b) => (a.month < b.month ? 1 : a.month > b.month ? -1 : 0));
}

export const totalOf = (months: readonly MonthCount[]) => months.reduce((n, m) => n + m.count, 0);

/**
 * Where item number `skip` (0-based, newest first) of a list spread over `months` (newest first)
 * lies: its month and how many newer items of that month come before it. Null past the end.
 * A page then reads from that month's end down, skipping only within the month: its cost depends
 * on the size of a month, never on how deep the page is.
 */
export function locate(months: readonly MonthCount[], skip: number): { month: MonthKey; skipWithin: number } | null {
  let left = skip;
  for (const m of months) {
    if (left < m.count) return { month: m.month, skipWithin: left };
    left -= m.count;
  }
  return null;
}

/** Years with visible publications, newest first, each with its months (newest first). */
export function byYear(months: readonly MonthCount[]): { year: number; months: MonthCount[] }[] {
  const years: { year: number; months: MonthCount[] }[] = [];
  for (const m of months) {
    const year = Number(m.month.slice(0, 4));
    const last = years.at(-1);
    if (last?.year === year) last.months.push(m);
    else years.push({ year, months: [m] });
  }
  return years;
}

/**
 * When a month's visible content last changed: its last publish or withdraw, or the end of its
 * latest embargo if that came later. While that embargo is still running, the write time (the
 * months it holds are the newest ones, which crawlers fetch anyway).
 */
export function monthLastmod(m: { changedAt: Date; latestAt: Date }, now: Date): Date {
  return m.latestAt <= now && m.latestAt > m.changedAt ? m.latestAt : m.changedAt;
}
