import "server-only";
import type { Metadata } from "next";
import { absolute, paths } from "@/domain/public/urls";
import { getT } from "@/i18n/server";
import { LANG_TAG, LOCALES, type Locale } from "@/i18n/settings";
import { env } from "./env";

// Canonical, hreflang alternates (zh-CN, zh-Hant, en, x-default → Simplified Chinese), Open Graph and Twitter cards
// for one public page. `pathFor` gives the same page in each language (undefined: no counterpart).

const OG_LOCALE: Record<Locale, string> = { zh: "zh_CN", "zh-Hant": "zh_HK", en: "en_US" };

export function pageMetadata(opts: {
  locale: Locale;
  pathFor: (l: Locale) => string | undefined;
  title: string;
  description?: string;
  type?: "website" | "article";
  publishedTime?: Date;
  modifiedTime?: Date;
}): Metadata {
  const site = env().SITE_URL;
  const own = opts.pathFor(opts.locale) ?? "/";
  const languages: Record<string, string> = {};
  for (const l of LOCALES) {
    const p = opts.pathFor(l);
    if (p) languages[LANG_TAG[l]] = absolute(site, p);
  }
  languages["x-default"] = languages[LANG_TAG.zh] ?? absolute(site, own);
  const url = absolute(site, own);
  const siteName = getT(opts.locale, "common")("siteName");
  const others = LOCALES.filter((l) => l !== opts.locale && opts.pathFor(l));
  return {
    title: opts.title,
    description: opts.description || undefined,
    alternates: {
      canonical: url,
      languages,
      types: { "application/rss+xml": paths.rss(opts.locale), "application/atom+xml": paths.atom(opts.locale) },
    },
    openGraph: {
      type: opts.type ?? "website",
      url,
      siteName,
      title: opts.title,
      description: opts.description || undefined,
      locale: OG_LOCALE[opts.locale],
      alternateLocale: others.map((l) => OG_LOCALE[l]),
      ...(opts.type === "article"
        ? { publishedTime: opts.publishedTime?.toISOString(), modifiedTime: opts.modifiedTime?.toISOString() }
        : {}),
    },
    twitter: { card: "summary", title: opts.title, description: opts.description || undefined },
  };
}
