import { paths } from "@/domain/public/urls";
import { getT } from "@/i18n/server";
import { LANG_TAG, type Locale } from "@/i18n/settings";

// 简 / 繁 / EN: the same page in each edition. Each label is in its own language (lang), names
// the edition in full for screen readers, and the current edition is aria-current="page".

const SWITCH: readonly { locale: Locale; short: string; name: string }[] = [
  { locale: "zh", short: "简", name: "简体中文" },
  { locale: "zh-Hant", short: "繁", name: "繁體中文" },
  { locale: "en", short: "EN", name: "English" },
];

/** Where a page is in another edition; null or undefined: it is not there (its home is linked). */
export type PathFor = (l: Locale) => string | null | undefined;

export function LanguageSwitch({ locale, pathFor }: { locale: Locale; pathFor: PathFor }) {
  const t = getT(locale, "common");
  return (
    <nav className="language-switch" aria-label={t("languageSwitch")}>
      <ul>
        {SWITCH.map((s) => (
          <li key={s.locale}>
            <a
              href={pathFor(s.locale) ?? paths.home(s.locale)}
              hrefLang={LANG_TAG[s.locale]}
              lang={LANG_TAG[s.locale]}
              aria-current={s.locale === locale ? "page" : undefined}
            >
              <span aria-hidden="true">{s.short}</span>
              <span className="visually-hidden">{s.name}</span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
