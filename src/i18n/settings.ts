// Locales of the site and the UI. "zh" is the original language and the default. "zh-Hant" is
// the Traditional Chinese edition: no content is written in it, it is generated from "zh" with
// OpenCC (docs/ARCHITECTURE.md "Traditional Chinese edition").
export const LOCALES = ["zh", "zh-Hant", "en"] as const;
export type Locale = (typeof LOCALES)[number];

/** The languages content is written in: the Chinese original and its English translation. */
export const CONTENT_LOCALES = ["zh", "en"] as const;
export type ContentLocale = (typeof CONTENT_LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "zh";
export const NAMESPACES = ["common", "site", "admin", "validation", "errors", "mail", "presskit"] as const;
export type Namespace = (typeof NAMESPACES)[number];

/** BCP 47 tag for <html lang>, hreflang and Intl. */
export const LANG_TAG: Record<Locale, string> = { zh: "zh-CN", "zh-Hant": "zh-Hant", en: "en" };

/** The language a site locale's content is written in: zh-Hant shows the Chinese original, converted. */
export function contentLocaleOf(locale: Locale): ContentLocale {
  return locale === "en" ? "en" : "zh";
}

/** True for the edition generated from the Simplified original. */
export const isHant = (locale: Locale): locale is "zh-Hant" => locale === "zh-Hant";

export function isContentLocale(value: unknown): value is ContentLocale {
  return typeof value === "string" && (CONTENT_LOCALES as readonly string[]).includes(value);
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/**
 * The other *written* language: the English of a Chinese page (either script), the Chinese
 * original of an English one. Each Chinese edition has its counterpart in English.
 */
export function otherLocale(locale: Locale): ContentLocale {
  return locale === "en" ? "zh" : "en";
}

const HANT_TAGS = /^zh-(hant|tw|hk|mo)(-|$)/;

/**
 * Picks a site locale from an Accept-Language header by quality; zh when nothing matches.
 * zh-Hant, zh-TW, zh-HK and zh-MO (and zh-Hant-*) read Traditional characters.
 */
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
    if (primary === "zh") return HANT_TAGS.test(tag) ? "zh-Hant" : "zh";
    if (primary === "en") return "en";
  }
  return DEFAULT_LOCALE;
}
