import { notFound } from "next/navigation";
import { localeOr404, metadataOrEmpty } from "@/components/site/params";
import { ArchiveMonthView, archiveMonthMetadata } from "@/components/site/views/archive-month";
import { parseYearMonth } from "@/domain/public/paging";

// Rendered on first request, then served from the cache until a tag or the embargo lifetime expires it.
export const revalidate = 3600;
export const generateStaticParams = () => [];

type Props = PageProps<"/[locale]/archive/[year]/[month]">;

async function resolve({ params }: Props) {
  const { locale, year, month } = await params;
  return { locale: localeOr404(locale), ym: parseYearMonth(year, month) ?? notFound(), page: 1 };
}

export async function generateMetadata(props: Props) {
  return metadataOrEmpty(async () => {
    const { locale, ym, page } = await resolve(props);
    return archiveMonthMetadata(locale, ym, page);
  });
}

export default async function ArchiveMonthPage(props: Props) {
  return <ArchiveMonthView {...await resolve(props)} />;
}
