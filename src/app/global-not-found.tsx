import type { Metadata } from "next";
import { headers } from "next/headers";
import { NotFoundContent } from "@/components/site/not-found-content";
import { getT } from "@/i18n/server";
import { LANG_TAG, isLocale, type Locale } from "@/i18n/settings";
import { LOCALE_HEADER } from "@/server/response-cache";
import { siteIcons } from "./icons";
import "./site.css";

// Unmatched URLs, and (through scripts/server/pipeline.mjs) notFound() inside the public pages,
// whose own 404 Next renders as an empty client shell. The server names the language in a request
// header from the URL's first segment; without it the page is bilingual.
async function requestLocale(): Promise<Locale | undefined> {
  const value = (await headers()).get(LOCALE_HEADER) ?? undefined;
  return isLocale(value) ? value : undefined;
}

export async function generateMetadata(): Promise<Metadata> {
  const locale = await requestLocale();
  const title = locale ? getT(locale, "common")("notFoundTitle") : "页面不存在 · Page not found";
  return { title, ...siteIcons }; // Next adds noindex to every 404 itself
}

export default async function GlobalNotFound() {
  const locale = await requestLocale();
  return (
    <html lang={LANG_TAG[locale ?? "zh"]}>
      <body>
        <NotFoundContent locale={locale} />
      </body>
    </html>
  );
}
