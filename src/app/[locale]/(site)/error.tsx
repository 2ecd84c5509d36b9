"use client";

import { useParams } from "next/navigation";
import enCommon from "@locales/en/common.json";
import hantCommon from "@locales/zh-Hant/common.json";
import zhCommon from "@locales/zh/common.json";
import { isLocale } from "@/i18n/settings";

// A rendering error inside the locale routes (e.g. the database is down): a localized 500 page
// with a retry. Client component by Next's rule; it ships only these few strings.
const STRINGS = { zh: zhCommon, "zh-Hant": hantCommon, en: enCommon };

export default function LocaleError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const params = useParams<{ locale: string }>();
  const locale = isLocale(params.locale) ? params.locale : "zh";
  const t = STRINGS[locale];
  return (
    <main id="main" className="error-page">
      <h1>{t.errorTitle}</h1>
      <p>{t.errorBody}</p>
      <p>
        <button type="button" onClick={reset}>
          {t.retry}
        </button>{" "}
        <a href={`/${locale}`}>{t.backHome}</a>
      </p>
    </main>
  );
}
