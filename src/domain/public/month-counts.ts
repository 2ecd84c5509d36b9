// The pure part of the public read model: from stored counts (which include embargoed
// publications) to what readers may see now, and where a page of a newest-first list begins.
// Counts are kept per period: "T" (all time), "Y2020" (a year), "M2020-04" (a month), in the
// agency time zone. Only the current month and later ones can hold embargoed publications, so
// the visible total is the stored total minus those ("the head"): no walk over the years.
// The database side is src/server/releases/public-counts.ts and public.ts.
import type { MonthKey } from "./calendar";

export const TOTAL = "T";
export const yearPeriod = (year: number | string) => `Y${year}`;
export const monthPeriod = (month: MonthKey) => `M${month}`;
/** Every period a publication of `month` counts in. */
export const periodsOf = (month: MonthKey) => [TOTAL, yearPeriod(month.slice(0, 4)), monthPeriod(month)];

/** A stored count: live publications of one period, embargoed ones included. */
export interface StoredPeriod {
  period: string;
  count: number;
  /** the latest publication time counted */
  latestAt: Date;
  /** the last publish or withdraw that touched it */
  changedAt: Date;
}

export interface MonthCount {
  month: MonthKey;
  count: number;
}
export interface YearCount {
  year: number;
  count: number;
}

const monthOf = (p: StoredPeriod) => p.period.slice(1);

/**
 * True when the current month still holds an embargoed publication, so its visible part must be
 * counted in the database (from its start up to now).
 */
export function currentMonthPending(stored: readonly StoredPeriod[], current: MonthKey, now: Date): boolean {
  const row = stored.find((p) => p.period === monthPeriod(current));
  return row !== undefined && row.count > 0 && row.latestAt.getTime() > now.getTime();
}

/** Embargoed publications per year, from the month rows of the current month on ("the head"). */
export function hiddenByYear(head: readonly StoredPeriod[], current: MonthKey, liveCurrent: number | null) {
  const hidden = new Map<number, number>();
  for (const p of head) {
    if (!p.period.startsWith("M") || monthOf(p) < current) continue;
    const n = monthOf(p) > current ? p.count : liveCurrent === null ? 0 : p.count - liveCurrent;
    const year = Number(monthOf(p).slice(0, 4));
    hidden.set(year, (hidden.get(year) ?? 0) + n);
  }
  return hidden;
}

/** What readers see of the whole scope: the stored total minus what the head still hides. */
export function visibleTotal(head: readonly StoredPeriod[], current: MonthKey, liveCurrent: number | null): number {
  const total = head.find((p) => p.period === TOTAL)?.count ?? 0;
  let hidden = 0;
  for (const n of hiddenByYear(head, current, liveCurrent).values()) hidden += n;
  return total - hidden;
}

const newestFirst = <T extends { key: string }>(a: T, b: T) => (a.key < b.key ? 1 : a.key > b.key ? -1 : 0);

/** Visible counts per year, newest first; years without a visible publication left out. */
export function visibleYears(
  years: readonly StoredPeriod[],
  head: readonly StoredPeriod[],
  current: MonthKey,
  liveCurrent: number | null,
): YearCount[] {
  const hidden = hiddenByYear(head, current, liveCurrent);
  const thisYear = Number(current.slice(0, 4));
  return years
    .map((p) => ({ key: p.period, year: Number(p.period.slice(1)), count: p.count }))
    .filter((y) => y.year <= thisYear)
    .map((y) => ({ ...y, count: y.count - (hidden.get(y.year) ?? 0) }))
    .filter((y) => y.count > 0)
    .sort(newestFirst)
    .map(({ year, count }) => ({ year, count }));
}

/** Visible counts of these months, newest first; later months hidden, the current one counted live. */
export function visibleMonths(
  months: readonly StoredPeriod[],
  current: MonthKey,
  liveCurrent: number | null,
): MonthCount[] {
  const out: (MonthCount & { key: string })[] = [];
  for (const p of months) {
    const month = monthOf(p);
    if (month > current) continue;
    const count = month === current && liveCurrent !== null ? liveCurrent : p.count;
    if (count > 0) out.push({ key: month, month, count });
  }
  return out.sort(newestFirst).map(({ month, count }) => ({ month, count }));
}

export const totalOf = (counts: readonly { count: number }[]) => counts.reduce((n, m) => n + m.count, 0);

/**
 * Where item number `skip` (0-based, newest first) of a list spread over `buckets` (newest first)
 * lies: the bucket and how many newer items of that bucket come before it. Null past the end.
 * A page then reads from that bucket's end down, skipping only within it: its cost depends on the
 * size of a bucket (a month), never on how deep the page is.
 */
export function locate<B extends { count: number }>(buckets: readonly B[], skip: number) {
  let left = skip;
  for (const bucket of buckets) {
    if (left < bucket.count) return { bucket, skipWithin: left };
    left -= bucket.count;
  }
  return null;
}

/**
 * When a period's visible content last changed: its last publish or withdraw, or the end of its
 * latest embargo if that came later. While that embargo still runs, the write time (those are the
 * newest periods, which crawlers fetch anyway).
 */
export function periodLastmod(p: { changedAt: Date; latestAt: Date }, now: Date): Date {
  return p.latestAt <= now && p.latestAt > p.changedAt ? p.latestAt : p.changedAt;
}
