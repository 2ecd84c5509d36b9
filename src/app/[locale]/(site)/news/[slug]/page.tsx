import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { localeOr404, metadataOrEmpty } from "@/components/site/params";
import { ArticleView } from "@/components/site/article-view";
import { SiteShell } from "@/components/site/site-shell";
import { PressContacts } from "@/components/site/press-contacts";
import { PressKit } from "@/components/site/press-kit";
import { contactPointsLd } from "@/domain/contacts/contact";
import { jsonLdString } from "@/domain/public/json-ld";
import { absolute, paths } from "@/domain/public/urls";
import { getT } from "@/i18n/server";
import { LANG_TAG, otherLocale, type Locale } from "@/i18n/settings";
import { env } from "@/server/env";
import { publicCategories, type PublicItem } from "@/server/releases/public";
import { getPublishedArticle } from "@/server/releases/public-article";
import { pageMetadata } from "@/server/site-metadata";

// Rendered on first request, then served from the cache until a tag or the embargo lifetime expires it.
export const revalidate = 3600;
export const generateStaticParams = () => [];

type Props = PageProps<"/[locale]/news/[slug]">;

async function load({ params }: Props) {
  const { locale: raw, slug } = await params;
  const locale = localeOr404(raw);
  const found = await getPublishedArticle(locale, slug);
  if (!found) notFound();
  return { locale, ...found, pathFor: editionPaths(found.article, found.counterpart) };
}

/** The article in each edition: both Chinese editions share the original's slug. */
function editionPaths(article: PublicItem, counterpart: PublicItem | null) {
  const slugs: Partial<Record<Locale, string>> = { [article.locale]: article.slug };
  const chinese = article.locale === "en" ? counterpart?.slug : article.slug;
  if (chinese) slugs.zh = slugs["zh-Hant"] = chinese;
  if (counterpart) slugs[counterpart.locale] = counterpart.slug;
  return (l: Locale) => (slugs[l] ? paths.article(l, slugs[l]) : undefined);
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  return metadataOrEmpty(async () => {
    const { locale, article, pathFor } = await load(props);
    return pageMetadata({
      locale,
      pathFor,
      title: article.title,
      description: article.summary,
      type: "article",
      publishedTime: article.publishedAt,
      modifiedTime: article.updatedAt,
    });
  });
}

export default async function ArticlePage(props: Props) {
  const { locale, article, counterpart, pathFor } = await load(props);
  const other = otherLocale(locale);
  const counterpartHref = pathFor(other) ?? paths.news(other);
  const category = (await publicCategories(locale)).find((c) => c.id === article.categoryId);
  const site = env().SITE_URL;
  const jsonLd = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: article.title,
    description: article.summary || undefined,
    inLanguage: LANG_TAG[locale],
    datePublished: article.publishedAt.toISOString(),
    dateModified: article.updatedAt.toISOString(),
    mainEntityOfPage: absolute(site, paths.article(locale, article.slug)),
    publisher: {
      "@type": "Organization",
      name: getT(locale, "common")("siteName"),
      url: absolute(site, paths.home(locale)),
      ...(article.contacts.length > 0 && { contactPoint: contactPointsLd(article.contacts) }),
    },
    // English is translated from the original; the Traditional edition is converted from it.
    ...(counterpart &&
      locale === "en" && {
        translationOfWork: { "@id": absolute(site, counterpartHref) },
      }),
    ...(locale === "zh-Hant" && {
      translationOfWork: { "@id": absolute(site, paths.article("zh", article.slug)) },
    }),
  };
  return (
    <SiteShell locale={locale} pathFor={pathFor}>
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdString(jsonLd) }} />
      <ArticleView
        locale={locale}
        title={article.title}
        body={article.body}
        date={article.publishedAt}
        timeZone={env().NEWSROOM_TIMEZONE}
        counterpart={counterpart ? { href: counterpartHref, title: counterpart.title } : null}
        meta={
          category && (
            <>
              {" · "}
              <Link href={paths.category(locale, category.slug)}>{category.name}</Link>
            </>
          )
        }
      >
        <PressKit locale={locale} releaseId={article.releaseId} files={article.presskit} />
        <PressContacts locale={locale} contacts={article.contacts} />
      </ArticleView>
    </SiteShell>
  );
}
