import type { ReactNode } from "react";
import { RichText } from "@/components/site/rich-text";
import { parseDoc } from "@/domain/release/content";
import { formatDate } from "@/i18n/format";
import { getT } from "@/i18n/server";
import { LANG_TAG, otherLocale, type Locale } from "@/i18n/settings";

/** The article as readers see it; used by the public page and by the editors' preview. */
export function ArticleView({
  locale,
  title,
  body,
  date,
  timeZone,
  counterpart,
  meta,
  children,
}: {
  locale: Locale;
  title: string;
  body: string;
  date: Date;
  timeZone: string;
  counterpart: { href: string; title: string } | null;
  meta?: ReactNode;
  /** what follows the body: the press kit and the press contacts */
  children?: ReactNode;
}) {
  const t = getT(locale, "site");
  const other = otherLocale(locale);
  const link = counterpart && (
    <a href={counterpart.href} hrefLang={LANG_TAG[other]} lang={LANG_TAG[other]}>
      {counterpart.title}
    </a>
  );
  return (
    <article>
      <h1>{title}</h1>
      <p className="meta">
        <time dateTime={date.toISOString()}>{formatDate(date, locale, timeZone)}</time>
        {meta}
      </p>
      {locale === "en" && link && (
        <p className="counterpart">
          {t("translatedFrom")}
          {link}
        </p>
      )}
      <div className="article-body">
        <RichText doc={parseDoc(body)} />
      </div>
      {children}
      {locale !== "en" && link && (
        <p className="counterpart">
          {t("otherLanguageLabel")}：{link}
        </p>
      )}
    </article>
  );
}
