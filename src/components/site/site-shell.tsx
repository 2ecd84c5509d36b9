import Link from "next/link";
import type { ReactNode } from "react";
import { getT } from "@/i18n/server";
import { LANG_TAG, otherLocale, type Locale } from "@/i18n/settings";

// Header, main landmark and footer of every public page. `counterpartHref` is the same
// content in the other language; every page passes its own.
export function SiteShell({
  locale,
  counterpartHref,
  children,
}: {
  locale: Locale;
  counterpartHref: string;
  children: ReactNode;
}) {
  const t = getT(locale, "common");
  const other = otherLocale(locale);
  return (
    <>
      <a className="skip-link" href="#main">
        {t("skipToContent")}
      </a>
      <header className="site-header">
        <div className="inner">
          <Link className="site-name" href={`/${locale}`}>
            {t("siteName")}
          </Link>
          <nav aria-label={t("languageName")}>
            <a href={counterpartHref} hrefLang={LANG_TAG[other]} lang={LANG_TAG[other]}>
              {t("switchLanguage")}
            </a>
          </nav>
        </div>
      </header>
      <main id="main">{children}</main>
      <footer className="site-footer">
        <div className="inner">{t("footer")}</div>
      </footer>
    </>
  );
}
