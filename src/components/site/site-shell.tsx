import Link from "next/link";
import type { ReactNode } from "react";
import { paths } from "@/domain/public/urls";
import { getT } from "@/i18n/server";
import type { Locale } from "@/i18n/settings";
import { LanguageSwitch, type PathFor } from "./language-switch";

// Header, main landmark and footer of every public page. `pathFor` gives the same page in each
// edition (简 / 繁 / EN); every page passes its own.
export function SiteShell({ locale, pathFor, children }: { locale: Locale; pathFor: PathFor; children: ReactNode }) {
  const t = getT(locale, "common");
  const ts = getT(locale, "site");
  return (
    <>
      <a className="skip-link" href="#main">
        {t("skipToContent")}
      </a>
      <header className="site-header">
        <div className="inner">
          <Link className="site-name" href={paths.home(locale)}>
            {t("siteName")}
          </Link>
          <nav className="site-nav" aria-label={t("mainNav")}>
            <ul>
              <li>
                <Link href={paths.home(locale)}>{t("home")}</Link>
              </li>
              <li>
                <Link href={paths.news(locale)}>{t("news")}</Link>
              </li>
              <li>
                <Link href={paths.archive(locale)}>{t("archive")}</Link>
              </li>
              <li>
                <Link href={paths.search(locale)}>{t("search")}</Link>
              </li>
            </ul>
          </nav>
          <LanguageSwitch locale={locale} pathFor={pathFor} />
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <div className="inner">
          <p>{t("footer")}</p>
          <p className="feeds">
            {ts("feeds")}: <a href={paths.rss(locale)}>{ts("rss")}</a> · <a href={paths.atom(locale)}>{ts("atom")}</a> ·{" "}
            <a href={`/${locale}/subscribe`}>{getT(locale, "mail")("subscribe.footerLink")}</a>
          </p>
        </div>
      </footer>
    </>
  );
}
