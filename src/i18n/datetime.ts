import type { Locale } from "./settings";

// Date and time for the back office (revisions, audit, embargo): 2026年3月1日 16:00 / Mar 1, 2026, 4:00 PM.
export function formatDateTime(date: Date, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(locale === "zh" ? "zh-CN" : "en-US", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone,
  }).format(date);
}
