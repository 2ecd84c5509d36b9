import Link from "next/link";
import { localeOr404, metadataOrEmpty } from "@/components/site/params";
import { SiteShell } from "@/components/site/site-shell";
import { paths } from "@/domain/public/urls";
import { formatMonth } from "@/i18n/format";
import { getT } from "@/i18n/server";
import { archiveMonths } from "@/server/releases/public";
import { pageMetadata } from "@/server/site-metadata";

// Rendered on first request, then served from the cache until a tag or the embargo lifetime expires it.
export const revalidate = 3600;
export const generateStaticParams = () => [];

type Props = PageProps<"/[locale]/archive">;

export async function generateMetadata({ params }: Props) {
  return metadataOrEmpty(async () => {
    const locale = localeOr404((await params).locale);
    return pageMetadata({ locale, pathFor: paths.archive, title: getT(locale, "site")("archiveTitle") });
  });
}

export default async function ArchivePage({ params }: Props) {
  const locale = localeOr404((await params).locale);
  const t = getT(locale, "site");
  const months = await archiveMonths(locale);
  const years = [...new Set(months.map((m) => m.year))];
  return (
    <SiteShell locale={locale} pathFor={paths.archive}>
      <h1>{t("archiveTitle")}</h1>
      <p>{t("archiveIntro")}</p>
      {years.length === 0 && <p>{t("noNews")}</p>}
      {years.map((year) => (
        <section key={year} aria-labelledby={`y${year}`}>
          <h2 id={`y${year}`}>{year}</h2>
          <ul className="archive-months">
            {months
              .filter((m) => m.year === year)
              .map((m) => (
                <li key={m.month}>
                  <Link href={paths.archiveMonth(locale, m.year, m.month)}>{formatMonth(m.year, m.month, locale)}</Link>{" "}
                  <span className="meta">({t("monthCount", { count: m.count })})</span>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </SiteShell>
  );
}
