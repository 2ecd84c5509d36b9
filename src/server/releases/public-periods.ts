import "server-only";
import { monthKeyOf, monthStart, parseMonthKey, type MonthKey } from "@/domain/public/calendar";
import {
  currentMonthPending,
  monthPeriod,
  periodLastmod,
  TOTAL,
  visibleMonths,
  visibleTotal,
  visibleYears,
  type MonthCount,
  type StoredPeriod,
  type YearCount,
} from "@/domain/public/month-counts";
import type { ContentLocale as Locale } from "@/i18n/settings";
import { tagFor } from "../cache-tags";
import { env } from "../env";
import { cachedRead, type Visibility } from "./public-cache";
import { countBetween, storedPeriods, type PeriodRow } from "./public-queries";

// Visible counts of a scope (a language: "", or a category of it) from PublicationCount: the total
// from the head (the current month on, and the all-time row), years, months of a range. A few
// rows each, whatever the size of the archive (docs/CACHING.md "Data layer").

const tz = () => env().NEWSROOM_TIMEZONE;
const tagOf = (locale: Locale, scope: string) => (scope ? tagFor.category(locale, scope) : tagFor.months(locale));
const revive = (r: PeriodRow): StoredPeriod => ({
  ...r,
  latestAt: new Date(r.latestAt),
  changedAt: new Date(r.changedAt),
});
const withLastmod = (rows: PeriodRow[], period: string, now: Date) => {
  const row = rows.find((r) => r.period === period);
  return (row ? periodLastmod(revive(row), now) : now).toISOString();
};

export interface ScopeHead {
  /** publications readers can see now */
  total: number;
  /** the visible part of the current month, when an embargo in it made counting necessary */
  live: number | null;
  current: MonthKey;
  /** stored rows of the current month and later, and the all-time row */
  head: PeriodRow[];
  /** when anything in the scope last changed (ISO) */
  lastmod: string;
}

export async function scopeHead(locale: Locale, scope: string, v: Visibility): Promise<ScopeHead> {
  return cachedRead(v, ["head", locale, scope, v.horizon], [tagOf(locale, scope)], async () => {
    const current = monthKeyOf(v.now, tz());
    const head = await storedPeriods(locale, scope, monthPeriod(current), TOTAL);
    const stored = head.map(revive);
    const start = monthStart(parseMonthKey(current), tz());
    const where = scope ? { locale, categoryId: scope } : { locale };
    const live = currentMonthPending(stored, current, v.now) ? await countBetween(where, start, v.now) : null;
    const total = visibleTotal(stored, current, live);
    return { total, live, current, head, lastmod: withLastmod(head, TOTAL, v.now) };
  });
}

/** Visible counts per year, newest first, each with when it last changed. */
export async function scopeYears(locale: Locale, scope: string, v: Visibility) {
  const h = await scopeHead(locale, scope, v);
  return cachedRead(v, ["years", locale, scope, v.horizon], [tagOf(locale, scope)], async () => {
    const rows = await storedPeriods(locale, scope, "Y", "Z");
    const years: (YearCount & { lastmod: string })[] = visibleYears(
      rows.map(revive),
      h.head.map(revive),
      h.current,
      h.live,
    ).map((y) => ({ ...y, lastmod: withLastmod(rows, `Y${y.year}`, v.now) }));
    return years;
  });
}

/** Visible counts of the months in [from, to], newest first, each with when it last changed. */
export async function scopeMonths(locale: Locale, scope: string, v: Visibility, from: MonthKey, to: MonthKey) {
  const h = await scopeHead(locale, scope, v);
  return cachedRead(v, ["months", locale, scope, from, to, v.horizon], [tagOf(locale, scope)], async () => {
    const rows = await storedPeriods(locale, scope, monthPeriod(from), monthPeriod(to));
    const months: (MonthCount & { lastmod: string })[] = visibleMonths(rows.map(revive), h.current, h.live).map(
      (m) => ({ ...m, lastmod: withLastmod(rows, monthPeriod(m.month), v.now) }),
    );
    return months;
  });
}

/**
 * Visible count of one month of a language. A past month holds no embargo (those lie in the
 * current month or later), so its stored count is exact and read under the month's own tag: a
 * publish in another month leaves its pages cached. The current month and later ones go through
 * the head (the embargoed part).
 */
export async function monthCount(locale: Locale, month: MonthKey, v: Visibility): Promise<number> {
  if (month >= monthKeyOf(v.now, tz())) return (await scopeMonths(locale, "", v, month, month))[0]?.count ?? 0;
  return cachedRead(v, ["month-count", locale, month], [tagFor.month(locale, month)], async () => {
    const rows = await storedPeriods(locale, "", monthPeriod(month), monthPeriod(month));
    return rows[0]?.count ?? 0;
  });
}

/** Every month of the scope with something visible (the archive index). */
export const allMonths = (locale: Locale, scope: string, v: Visibility) =>
  scopeMonths(locale, scope, v, "0000-01", "9999-12");
