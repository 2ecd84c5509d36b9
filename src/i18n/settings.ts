// Locales of the site and the UI. "zh" is the original language and the default.
export const LOCALES = ["zh", "en"] as const;
export type Locale = (typeof LOCALES)[number];

/** The languages content is written in: the Chinese original and its English translation. */
export const CONTENT_LOCALES = ["zh", "en"] as const;
export type ContentLocale = (typeof CONTENT_LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "zh";
export const NAMESPACES = ["common", "site", "admin", "validation", "errors", "mail", "presskit"] as const;
export type Namespace = (typeof NAMESPACES)[number];

/** BCP 47 tag for <html lang>, hreflang and Intl. */
export const LANG_TAG: Record<Locale, string> = { zh: "zh-CN", en: "en" };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

export function otherLocale(locale: Locale): Locale {
  return locale === "zh" ? "en" : "zh";
}

/** Picks zh or en from an Accept-Language header by quality; zh when nothing matches. */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale {
  if (!header) return DEFAULT_LOCALE;
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().toLowerCase().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { tag, q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((r) => r.tag && !Number.isNaN(r.q) && r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    const primary = tag.split("-")[0];
    if (primary === "zh") return "zh";
    if (primary === "en") return "en";
  }
  return DEFAULT_LOCALE;
}
