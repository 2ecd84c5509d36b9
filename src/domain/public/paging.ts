// Parsing of public URL segments (page numbers, archive months) and page arithmetic. Pure; anything
// invalid is null (→ 404).
import type { YearMonth } from "./calendar";

export type { YearMonth } from "./calendar";
export { monthOf } from "./calendar";

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

/** Pages needed for `total` items; page 1 always exists, even when empty. */
export const pageCount = (total: number, size: number) => Math.max(1, Math.ceil(total / size));

/** True when `page` exists for `total` items (so page 1 of nothing exists, page 2 of 10 items of 10 does not). */
export const pageExists = (page: number, total: number, size: number) =>
  Number.isInteger(page) && page >= 1 && page <= pageCount(total, size);

/** "2020", "04" → { year: 2020, month: 4 }. Two-digit months only, so each month has one URL. */
export function parseYearMonth(year: string | undefined, month: string | undefined): YearMonth | null {
  if (!year || !month || !/^(19|20|21)\d\d$/.test(year) || !/^(0[1-9]|1[0-2])$/.test(month)) return null;
  return { year: Number(year), month: Number(month) };
}

export const monthSegment = (month: number) => String(month).padStart(2, "0");
