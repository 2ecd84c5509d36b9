// Parsing of public URL segments: page numbers and archive months. Pure; anything invalid is null (→ 404).

/** "2" → 2. Only canonical positive integers ("1", "2" …, no "01", "+2", "2.0"); page 1 has its own URL. */
export function parsePageParam(raw: string | undefined, max = 100_000): number | null {
  if (raw === undefined || !/^[1-9]\d{0,5}$/.test(raw)) return null;
  const page = Number(raw);
  return page <= max ? page : null;
}

export interface Paged<T> {
  items: T[];
  page: number;
  pages: number;
  total: number;
}

/** One page of `all`; null when the page is past the end (page 1 always exists, even when empty). */
export function paginate<T>(all: readonly T[], page: number, size: number): Paged<T> | null {
  const pages = Math.max(1, Math.ceil(all.length / size));
  if (!Number.isInteger(page) || page < 1 || page > pages) return null;
  return { items: all.slice((page - 1) * size, page * size), page, pages, total: all.length };
}

export interface YearMonth {
  year: number;
  month: number; // 1–12
}

/** "2020", "04" → { year: 2020, month: 4 }. Two-digit months only, so each month has one URL. */
export function parseYearMonth(year: string | undefined, month: string | undefined): YearMonth | null {
  if (!year || !month || !/^(19|20|21)\d\d$/.test(year) || !/^(0[1-9]|1[0-2])$/.test(month)) return null;
  return { year: Number(year), month: Number(month) };
}

export const monthSegment = (month: number) => String(month).padStart(2, "0");

/** The calendar month of an instant in a time zone, e.g. 2020-03-31T20:00Z in Asia/Shanghai → 2020-04. */
export function monthOf(date: Date, timeZone: string): YearMonth {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "numeric" }).formatToParts(date);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get("year"), month: get("month") };
}
