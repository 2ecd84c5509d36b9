import { localeOr404, metadataOrEmpty } from "@/components/site/params";
import { NewsListView, newsListMetadata } from "@/components/site/views/news-list";

// Rendered on first request, then served from the cache until a tag or the embargo lifetime expires it.
export const revalidate = 3600;
export const generateStaticParams = () => [];

type Props = PageProps<"/[locale]/news">;

export async function generateMetadata({ params }: Props) {
  return metadataOrEmpty(async () => {
    return newsListMetadata(localeOr404((await params).locale), 1);
  });
}

export default async function NewsPage({ params }: Props) {
  return <NewsListView locale={localeOr404((await params).locale)} page={1} />;
}
