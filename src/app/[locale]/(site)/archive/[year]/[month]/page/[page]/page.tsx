import { notFound, permanentRedirect } from "next/navigation";
import { localeOr404, metadataOrEmpty, pageOr404 } from "@/components/site/params";
import { ArchiveMonthView, archiveMonthMetadata } from "@/components/site/views/archive-month";
import { parseYearMonth } from "@/domain/public/paging";
import { paths } from "@/domain/public/urls";

// Rendered on first request, then served from the cache until a tag or the embargo lifetime expires it.
export const revalidate = 3600;
export const generateStaticParams = () => [];

type Props = PageProps<"/[locale]/archive/[year]/[month]/page/[page]">;

async function resolve({ params }: Props) {
  const { locale, year, month, page } = await params;
  const l = localeOr404(locale);
  const ym = parseYearMonth(year, month) ?? notFound();
  const n = pageOr404(page);
  if (n === 1) permanentRedirect(paths.archiveMonth(l, ym.year, ym.month)); // one URL per page
  return { locale: l, ym, page: n };
}

export async function generateMetadata(props: Props) {
  return metadataOrEmpty(async () => {
    const { locale, ym, page } = await resolve(props);
    return archiveMonthMetadata(locale, ym, page);
  });
}

export default async function ArchiveMonthPageN(props: Props) {
  return <ArchiveMonthView {...await resolve(props)} />;
}
