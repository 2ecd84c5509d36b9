import { getT } from "@/i18n/server";
import { LANG_TAG, LOCALES, isLocale, type Locale } from "@/i18n/settings";

/**
 * The 404 body. With a known locale it speaks that language; where the request's locale is
 * unknown (no such locale, or outside the locale routes) it is bilingual under one heading.
 */
export function NotFoundContent({ locale }: { locale?: string }) {
  if (isLocale(locale)) {
    const t = getT(locale, "common");
    return (
      <main id="main" className="error-page">
        <h1>{t("notFoundTitle")}</h1>
        <p>{t("notFoundBody")}</p>
        <p>
          <a href={`/${locale}`}>{t("backHome")}</a>
        </p>
      </main>
    );
  }
  const tt = (l: Locale) => getT(l, "common");
  return (
    <main id="main" className="error-page">
      <h1>
        {LOCALES.map((l, i) => (
          <span key={l} lang={LANG_TAG[l]}>
            {i > 0 && " · "}
            {tt(l)("notFoundTitle")}
          </span>
        ))}
      </h1>
      {LOCALES.map((l) => (
        <section key={l} lang={LANG_TAG[l]}>
          <p>{tt(l)("notFoundBody")}</p>
          <p>
            <a href={`/${l}`}>{tt(l)("backHome")}</a>
          </p>
        </section>
      ))}
    </main>
  );
}
