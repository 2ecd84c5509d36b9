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
