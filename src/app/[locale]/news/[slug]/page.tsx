import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RichText } from "@/components/site/rich-text";
import { SiteShell } from "@/components/site/site-shell";
import { parseDoc } from "@/domain/release/content";
import { formatDate } from "@/i18n/format";
import { getT } from "@/i18n/server";
import { LANG_TAG, isLocale, otherLocale } from "@/i18n/settings";
import { env } from "@/server/env";
import { getPublishedArticle } from "@/server/releases/public";

export const dynamic = "force-dynamic";

type Props = PageProps<"/[locale]/news/[slug]">;

async function load({ params }: Props) {
  const { locale, slug } = await params;
  if (!isLocale(locale)) notFound();
  const found = await getPublishedArticle(locale, slug);
  if (!found) notFound();
  return { locale, ...found };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { article } = await load(props);
  return { title: article.title, description: article.summary };
}

export default async function ArticlePage(props: Props) {
  const { locale, article, counterpart } = await load(props);
  const t = getT(locale, "site");
  const other = otherLocale(locale);
  const counterpartHref = counterpart ? `/${other}/news/${counterpart.slug}` : `/${other}`;
  return (
    <SiteShell locale={locale} counterpartHref={counterpartHref}>
      <article>
        <h1>{article.title}</h1>
        <p className="meta">
          <time dateTime={article.publishedAt.toISOString()}>
            {formatDate(article.publishedAt, locale, env().NEWSROOM_TIMEZONE)}
          </time>
        </p>
        {locale === "en" && counterpart && (
          <p className="counterpart">
            {t("translatedFrom")}
            <a href={counterpartHref} hrefLang={LANG_TAG[other]} lang={LANG_TAG[other]}>
              {counterpart.title}
            </a>
          </p>
        )}
        <div className="article-body">
          <RichText doc={parseDoc(article.body)} />
        </div>
        {locale === "zh" && counterpart && (
          <p className="counterpart">
            {t("otherLanguageLabel")}：
            <a href={counterpartHref} hrefLang={LANG_TAG[other]} lang={LANG_TAG[other]}>
              {counterpart.title}
            </a>
          </p>
        )}
      </article>
    </SiteShell>
  );
}
