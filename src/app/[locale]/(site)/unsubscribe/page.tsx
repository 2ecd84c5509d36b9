import type { Metadata } from "next";
import { localeOr404 } from "@/components/site/params";
import { SiteShell } from "@/components/site/site-shell";
import { TokenForm } from "@/components/distribution/token-form";
import { I18nProvider } from "@/i18n/client";
import { getT } from "@/i18n/server";
import { unsubscribeAction } from "@/server/distribution/actions";
import { db } from "@/server/db";
import { peekUnsubscribe } from "@/server/distribution/subscribers";

// The visible unsubscribe link of every email (GET /unsubscribe?token=… sends here). A GET never
// unsubscribes: it shows a button. Mail clients use the one-click POST on /unsubscribe (RFC 8058).
export const dynamic = "force-dynamic";

type Props = PageProps<"/[locale]/unsubscribe">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = localeOr404((await params).locale);
  return {
    title: getT(locale, "mail")("unsubscribe.title"),
    robots: { index: false, follow: false },
    referrer: "no-referrer",
  };
}

export default async function UnsubscribePage({ params, searchParams }: Props) {
  const locale = localeOr404((await params).locale);
  const token = (await searchParams).token;
  const t = getT(locale, "mail");
  const valid = typeof token === "string" && (await peekUnsubscribe(db(), token)) !== null;
  return (
    <SiteShell locale={locale} pathFor={(l) => `/${l}/unsubscribe${valid ? `?token=${token}` : ""}`}>
      <h1>{t("unsubscribe.title")}</h1>
      {valid ? (
        <>
          <p>{t("unsubscribe.intro")}</p>
          <I18nProvider locale={locale}>
            <TokenForm
              action={unsubscribeAction}
              token={token}
              permalink={`/${locale}/unsubscribe?token=${token}`}
              button={t("unsubscribe.button")}
            />
          </I18nProvider>
        </>
      ) : (
        <p>{t("unsubscribe.invalid")}</p>
      )}
    </SiteShell>
  );
}
