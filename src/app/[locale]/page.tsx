import Link from "next/link";
import { notFound } from "next/navigation";
import { SiteShell } from "@/components/site/site-shell";
import { formatDate } from "@/i18n/format";
import { getT } from "@/i18n/server";
import { isLocale, otherLocale } from "@/i18n/settings";
import { env } from "@/server/env";
import { listPublished } from "@/server/releases/public";

export const dynamic = "force-dynamic";

export default async function HomePage({ params }: PageProps<"/[locale]">) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const t = getT(locale, "site");
  const { items } = await listPublished(locale);
  return (
    <SiteShell locale={locale} counterpartHref={`/${otherLocale(locale)}`}>
      <h1>{t("latestNews")}</h1>
      {items.length === 0 ? (
        <p>{t("noNews")}</p>
      ) : (
        <ul className="release-list">
          {items.map((item) => (
            <li key={item.releaseId}>
              <h2>
                <Link href={`/${locale}/news/${item.slug}`}>{item.title}</Link>
              </h2>
              <p className="meta">
                <time dateTime={item.publishedAt.toISOString()}>
                  {formatDate(item.publishedAt, locale, env().NEWSROOM_TIMEZONE)}
                </time>
              </p>
              {item.summary && <p className="summary">{item.summary}</p>}
            </li>
          ))}
        </ul>
      )}
    </SiteShell>
  );
}
