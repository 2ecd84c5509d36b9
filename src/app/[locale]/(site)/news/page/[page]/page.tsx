import { permanentRedirect } from "next/navigation";
import { localeOr404, pageOr404, metadataOrEmpty } from "@/components/site/params";
import { NewsListView, newsListMetadata } from "@/components/site/views/news-list";
import { paths } from "@/domain/public/urls";

// Rendered on first request, then served from the cache until a tag or the embargo lifetime expires it.
export const revalidate = 3600;
export const generateStaticParams = () => [];

type Props = PageProps<"/[locale]/news/page/[page]">;

async function resolve({ params }: Props) {
  const { locale, page } = await params;
  const l = localeOr404(locale);
  const n = pageOr404(page);
  if (n === 1) permanentRedirect(paths.news(l)); // one URL per page
  return { locale: l, page: n };
}

export async function generateMetadata(props: Props) {
  return metadataOrEmpty(async () => {
    const { locale, page } = await resolve(props);
    return newsListMetadata(locale, page);
  });
}

export default async function NewsPageN(props: Props) {
  return <NewsListView {...await resolve(props)} />;
}
