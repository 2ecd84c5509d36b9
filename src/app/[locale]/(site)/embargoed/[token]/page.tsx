import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { ArticleView } from "@/components/site/article-view";
import { localeOr404 } from "@/components/site/params";
import { SiteShell } from "@/components/site/site-shell";
import { formatDateTime } from "@/i18n/datetime";
import { getT } from "@/i18n/server";
import { userAgent } from "@/server/auth/current";
import { clientIp } from "@/server/request-info";
import { db } from "@/server/db";
import { openEmbargoed } from "@/server/distribution/embargo";
import { env } from "@/server/env";

// A journalist's private early-access link (docs/DISTRIBUTION.md "Embargoed early access"): rendered
// per request (Cache-Control: private, no-store; never in the public response cache), noindex,
// Referrer-Policy: no-referrer (set in src/proxy.ts), every opening logged. After the embargo it
// redirects to the public article; an unknown, revoked or withdrawn link is a 404.
export const dynamic = "force-dynamic";

type Props = PageProps<"/[locale]/embargoed/[token]">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = localeOr404((await params).locale);
  return {
    title: getT(locale, "mail")("embargo.pageTitle"),
    robots: { index: false, follow: false },
    referrer: "no-referrer",
  };
}

export default async function EmbargoedPage({ params }: Props) {
  const { locale: raw, token } = await params;
  const locale = localeOr404(raw);
  const view = await openEmbargoed(db(), token, locale, { ip: await clientIp(), userAgent: await userAgent() });
  if (view.kind === "none") notFound();
  if (view.kind === "public") redirect(view.href);
  const t = getT(locale, "mail");
  const time = formatDateTime(view.until, locale, env().NEWSROOM_TIMEZONE);
  return (
    <SiteShell locale={locale} pathFor={(l) => `/${l}/embargoed/${token}`}>
      <p className="embargo-banner" role="note">
        <strong>{t("embargo.banner", { time })}</strong>
      </p>
      <ArticleView
        locale={locale}
        title={view.title}
        body={view.body}
        date={view.releaseDate ?? view.until}
        timeZone={env().NEWSROOM_TIMEZONE}
        counterpart={null}
      />
      <p className="hint">{t("embargo.notice")}</p>
    </SiteShell>
  );
}
