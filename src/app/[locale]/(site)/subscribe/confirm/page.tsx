import type { Metadata } from "next";
import Link from "next/link";
import { localeOr404 } from "@/components/site/params";
import { SiteShell } from "@/components/site/site-shell";
import { TokenForm } from "@/components/distribution/token-form";
import { I18nProvider } from "@/i18n/client";
import { getT } from "@/i18n/server";
import { confirmSubscriptionAction } from "@/server/distribution/actions";
import { db } from "@/server/db";
import { peekConfirmation } from "@/server/distribution/subscribers";

// The link of the confirmation email. A GET only shows a button (mail scanners follow links);
// pressing it confirms. Per request, never cached, the token never sent on as a referrer.
export const dynamic = "force-dynamic";

type Props = PageProps<"/[locale]/subscribe/confirm">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = localeOr404((await params).locale);
  return {
    title: getT(locale, "mail")("confirm.title"),
    robots: { index: false, follow: false },
    referrer: "no-referrer",
  };
}

export default async function ConfirmPage({ params, searchParams }: Props) {
  const locale = localeOr404((await params).locale);
  const token = (await searchParams).token;
  const t = getT(locale, "mail");
  const valid = typeof token === "string" && (await peekConfirmation(db(), token));
  return (
    <SiteShell locale={locale} pathFor={(l) => `/${l}/subscribe`}>
      <h1>{t("confirm.title")}</h1>
      {valid ? (
        <>
          <p>{t("confirm.intro")}</p>
          <I18nProvider locale={locale}>
            <TokenForm
              action={confirmSubscriptionAction}
              token={token}
              permalink={`/${locale}/subscribe/confirm?token=${token}`}
              button={t("confirm.button")}
            />
          </I18nProvider>
        </>
      ) : (
        <p>
          {t("confirm.invalid")} <Link href={`/${locale}/subscribe`}>{t("confirm.again")}</Link>
        </p>
      )}
    </SiteShell>
  );
}
