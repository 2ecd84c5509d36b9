// Calendar months in the agency's time zone: their keys ("2020-04") and the instants they start and
// end at. The public archive, its counts and the sitemap shards are grouped by these months. Pure.

export interface YearMonth {
  year: number;
  month: number; // 1–12
}

/** "YYYY-MM"; sorts like the months themselves. */
export type MonthKey = string;

const formatters = new Map<string, Intl.DateTimeFormat>();

// One formatter per zone: creating one costs far more than formatting (rebuilds format 200,000 dates).
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Wall-clock fields of an instant in a time zone. */
function wallClock(date: Date, timeZone: string) {
  const out: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(date)) if (p.type !== "literal") out[p.type] = Number(p.value);
  return out as { year: number; month: number; day: number; hour: number; minute: number; second: number };
}

/** The calendar month of an instant in a time zone, e.g. 2020-03-31T20:00Z in Asia/Shanghai → 2020-04. */
export function monthOf(date: Date, timeZone: string): YearMonth {
  const { year, month } = wallClock(date, timeZone);
  return { year, month };
}

export const monthKey = ({ year, month }: YearMonth): MonthKey =>
  `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}`;

export const monthKeyOf = (date: Date, timeZone: string): MonthKey => monthKey(monthOf(date, timeZone));

export function parseMonthKey(key: MonthKey): YearMonth {
  const m = /^(\d{4})-(\d{2})$/.exec(key);
  if (!m) throw new Error(`not a month key: ${key}`);
  return { year: Number(m[1]), month: Number(m[2]) };
}

export function addMonths({ year, month }: YearMonth, n: number): YearMonth {
  const index = year * 12 + (month - 1) + n;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** Milliseconds the zone's wall clock is ahead of UTC at `at`. */
function offsetAt(at: number, timeZone: string): number {
  const w = wallClock(new Date(at), timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(at / 1000) * 1000;
}

const DAY = 86_400_000;

/**
 * The instant the month begins: midnight on its first day, local time. Where a clock change
 * falls on that midnight: the first of two midnights, or the end of the gap when there is none.
 */
export function monthStart({ year, month }: YearMonth, timeZone: string): Date {
  const wall = Date.UTC(year, month - 1, 1);
  const candidates = [wall - offsetAt(wall - DAY, timeZone), wall - offsetAt(wall + DAY, timeZone)];
  const exact = candidates.filter((t) => t + offsetAt(t, timeZone) === wall);
  return new Date(exact.length ? Math.min(...exact) : Math.max(...candidates));
}

/** [from, to): the instants within the month. */
export function monthRange(ym: YearMonth, timeZone: string): { from: Date; to: Date } {
  return { from: monthStart(ym, timeZone), to: monthStart(addMonths(ym, 1), timeZone) };
}

/** [from, to): the instants within the calendar year. */
export function yearRange(year: number, timeZone: string): { from: Date; to: Date } {
  return { from: monthStart({ year, month: 1 }, timeZone), to: monthStart({ year: year + 1, month: 1 }, timeZone) };
}
