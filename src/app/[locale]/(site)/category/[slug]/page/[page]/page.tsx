import { permanentRedirect } from "next/navigation";
import { localeOr404, pageOr404, metadataOrEmpty } from "@/components/site/params";
import { CategoryView, categoryMetadata } from "@/components/site/views/category-list";
import { paths } from "@/domain/public/urls";

// Rendered on first request, then served from the cache until a tag or the embargo lifetime expires it.
export const revalidate = 3600;
export const generateStaticParams = () => [];

type Props = PageProps<"/[locale]/category/[slug]/page/[page]">;

async function resolve({ params }: Props) {
  const { locale, slug, page } = await params;
  const l = localeOr404(locale);
  const n = pageOr404(page);
  if (n === 1) permanentRedirect(paths.category(l, slug));
  return { locale: l, slug, page: n };
}

export async function generateMetadata(props: Props) {
  return metadataOrEmpty(async () => {
    const { locale, slug, page } = await resolve(props);
    return categoryMetadata(locale, slug, page);
  });
}

export default async function CategoryPageN(props: Props) {
  return <CategoryView {...await resolve(props)} />;
}
