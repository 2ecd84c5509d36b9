import { LANG_TAG, type Locale } from "./settings";

// Dates in the agency's time zone: 2020年4月9日 / April 9, 2020.
// One Intl.DateTimeFormat per language, kind and zone, made once: creating one costs far more than
// formatting with it, and the archive index formats hundreds of months per render (each new
// formatter also holds ICU memory outside the JS heap until it is collected).

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: Locale, kind: "date" | "month", timeZone: string): Intl.DateTimeFormat {
  const key = `${locale}|${kind}|${timeZone}`;
  let f = formatters.get(key);
  if (!f) {
    const tag = locale === "en" ? "en-US" : LANG_TAG[locale];
    const fields =
      kind === "date"
        ? ({ year: "numeric", month: "long", day: "numeric" } as const)
        : ({ year: "numeric", month: "long" } as const);
    f = new Intl.DateTimeFormat(tag, { ...fields, timeZone });
    formatters.set(key, f);
  }
  return f;
}

export function formatDate(date: Date, locale: Locale, timeZone: string): string {
  return formatter(locale, "date", timeZone).format(date);
}

/** ISO 8601 date-time for <time dateTime>. */
export function isoDateTime(date: Date): string {
  return date.toISOString();
}

/** A calendar month as a heading: 2020年4月 / April 2020 (no time zone: the month is already local). */
export function formatMonth(year: number, month: number, locale: Locale): string {
  return formatter(locale, "month", "UTC").format(new Date(Date.UTC(year, month - 1, 15)));
}
