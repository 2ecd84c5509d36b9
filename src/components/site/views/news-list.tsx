import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { paths } from "@/domain/public/urls";
import { getT } from "@/i18n/server";
import type { Locale } from "@/i18n/settings";
import { listPublished, publicCategories } from "@/server/releases/public";
import { pageMetadata } from "@/server/site-metadata";
import { Pagination } from "../pagination";
import { ReleaseList } from "../release-list";
import { SiteShell } from "../site-shell";

// /{locale}/news and /{locale}/news/page/{n}: every public release, newest first.

const title = (locale: Locale, page: number) => {
  const t = getT(locale, "site");
  return page > 1 ? `${t("newsTitle")} · ${t("pageTitle", { page })}` : t("newsTitle");
};

export function newsListMetadata(locale: Locale, page: number): Metadata {
  return pageMetadata({ locale, pathFor: (l) => paths.news(l, page), title: title(locale, page) });
}

export async function NewsListView({ locale, page }: { locale: Locale; page: number }) {
  const result = await listPublished(locale, page);
  if (!result) notFound();
  const t = getT(locale, "site");
  const categories = await publicCategories(locale);
  return (
    <SiteShell locale={locale} pathFor={(l) => paths.news(l, page)}>
      <h1>{title(locale, page)}</h1>
      {categories.length > 0 && (
        <nav className="category-nav" aria-label={t("categories")}>
          <ul>
            {categories.map((c) => (
              <li key={c.id}>
                <Link href={paths.category(locale, c.slug)}>{c.name}</Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <ReleaseList locale={locale} items={result.items} />
      <Pagination locale={locale} page={result.page} pages={result.pages} hrefFor={(n) => paths.news(locale, n)} />
    </SiteShell>
  );
}
