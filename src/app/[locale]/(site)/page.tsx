import Link from "next/link";
import { localeOr404, metadataOrEmpty } from "@/components/site/params";
import { ReleaseList } from "@/components/site/release-list";
import { SiteShell } from "@/components/site/site-shell";
import { paths } from "@/domain/public/urls";
import { getT } from "@/i18n/server";
import { homeLists } from "@/server/releases/public";
import { pageMetadata } from "@/server/site-metadata";

// Rendered on first request, then served from the cache until a tag or the embargo lifetime expires it.
export const revalidate = 3600;
export const generateStaticParams = () => [];

const LATEST = 5;
const FEATURED = 3;

type Props = PageProps<"/[locale]">;

export async function generateMetadata({ params }: Props) {
  return metadataOrEmpty(async () => {
    const locale = localeOr404((await params).locale);
    const meta = pageMetadata({ locale, pathFor: paths.home, title: getT(locale, "site")("homeTitle") });
    return { ...meta, title: { absolute: getT(locale, "common")("siteName") } };
  });
}

export default async function HomePage({ params }: Props) {
  const locale = localeOr404((await params).locale);
  const t = getT(locale, "site");
  const { featured, latest } = await homeLists(locale, LATEST, FEATURED);
  return (
    <SiteShell locale={locale} pathFor={paths.home}>
      <h1>{t("homeTitle")}</h1>
      {featured.length > 0 && (
        <section aria-labelledby="featured">
          <h2 id="featured">{t("featured")}</h2>
          <ReleaseList locale={locale} items={featured} headingLevel={3} className="featured-list" />
        </section>
      )}
      <section aria-labelledby="latest">
        <h2 id="latest">{t("latestNews")}</h2>
        <ReleaseList locale={locale} items={latest} headingLevel={3} />
        <p className="more">
          <Link href={paths.news(locale)}>{t("allNews")}</Link>
        </p>
      </section>
    </SiteShell>
  );
}
