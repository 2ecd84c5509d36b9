import { notFound } from "next/navigation";
import { localeOr404, metadataOrEmpty } from "@/components/site/params";
import { ReleaseList } from "@/components/site/release-list";
import { SiteShell } from "@/components/site/site-shell";
import { parseYearMonth } from "@/domain/public/paging";
import { paths } from "@/domain/public/urls";
import { formatMonth } from "@/i18n/format";
import { getT } from "@/i18n/server";
import { otherLocale } from "@/i18n/settings";
import { listByMonth } from "@/server/releases/public";
import { pageMetadata } from "@/server/site-metadata";

// Rendered on first request, then served from the cache until a tag or the embargo lifetime expires it.
export const revalidate = 3600;
export const generateStaticParams = () => [];

type Props = PageProps<"/[locale]/archive/[year]/[month]">;

// A month with no public release is a 404, so crawlers cannot walk an endless calendar.
async function load({ params }: Props) {
  const { locale: raw, year, month } = await params;
  const locale = localeOr404(raw);
  const ym = parseYearMonth(year, month) ?? notFound();
  const items = await listByMonth(locale, ym);
  if (items.length === 0) notFound();
  const title = `${getT(locale, "site")("archiveTitle")} · ${formatMonth(ym.year, ym.month, locale)}`;
  return { locale, ym, items, title };
}

export async function generateMetadata(props: Props) {
  return metadataOrEmpty(async () => {
    const { locale, ym, title } = await load(props);
    return pageMetadata({ locale, pathFor: (l) => paths.archiveMonth(l, ym.year, ym.month), title });
  });
}

export default async function ArchiveMonthPage(props: Props) {
  const { locale, ym, items, title } = await load(props);
  return (
    <SiteShell locale={locale} counterpartHref={paths.archiveMonth(otherLocale(locale), ym.year, ym.month)}>
      <h1>{title}</h1>
      <ReleaseList locale={locale} items={items} />
    </SiteShell>
  );
}
