import { localeOr404, metadataOrEmpty } from "@/components/site/params";
import { CategoryView, categoryMetadata } from "@/components/site/views/category-list";

// Rendered on first request, then served from the cache until a tag or the embargo lifetime expires it.
export const revalidate = 3600;
export const generateStaticParams = () => [];

type Props = PageProps<"/[locale]/category/[slug]">;

export async function generateMetadata({ params }: Props) {
  return metadataOrEmpty(async () => {
    const { locale, slug } = await params;
    return categoryMetadata(localeOr404(locale), slug, 1);
  });
}

export default async function CategoryPage({ params }: Props) {
  const { locale, slug } = await params;
  return <CategoryView locale={localeOr404(locale)} slug={slug} page={1} />;
}
