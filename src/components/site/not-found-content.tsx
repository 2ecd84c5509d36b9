import { getT } from "@/i18n/server";
import { LANG_TAG, LOCALES } from "@/i18n/settings";

/** A bilingual 404 body: used where the request's locale is unknown. */
export function NotFoundContent() {
  return (
    <main id="main">
      {LOCALES.map((locale) => {
        const t = getT(locale, "common");
        return (
          <section key={locale} lang={LANG_TAG[locale]}>
            <h1>{t("notFoundTitle")}</h1>
            <p>{t("notFoundBody")}</p>
            <p>
              <a href={`/${locale}`}>{t("backHome")}</a>
            </p>
          </section>
        );
      })}
    </main>
  );
}
