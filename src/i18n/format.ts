import { LANG_TAG, type Locale } from "./settings";

// Dates in the agency's time zone: 2020年4月9日 / April 9, 2020.
export function formatDate(date: Date, locale: Locale, timeZone: string): string {
  const tag = locale === "en" ? "en-US" : LANG_TAG[locale];
  return new Intl.DateTimeFormat(tag, { year: "numeric", month: "long", day: "numeric", timeZone }).format(date);
}

/** ISO 8601 date-time for <time dateTime>. */
export function isoDateTime(date: Date): string {
  return date.toISOString();
}

/** A calendar month as a heading: 2020年4月 / April 2020 (no time zone: the month is already local). */
export function formatMonth(year: number, month: number, locale: Locale): string {
  const tag = locale === "en" ? "en-US" : LANG_TAG[locale];
  return new Intl.DateTimeFormat(tag, { year: "numeric", month: "long", timeZone: "UTC" }).format(
    new Date(Date.UTC(year, month - 1, 15)),
  );
}
