import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { paths } from "@/domain/public/urls";
import { getT } from "@/i18n/server";
import type { Locale } from "@/i18n/settings";
import { findCategory, listByCategory } from "@/server/releases/public";
import { pageMetadata } from "@/server/site-metadata";
import { Pagination } from "../pagination";
import { ReleaseList } from "../release-list";
import { SiteShell } from "../site-shell";

// /{locale}/category/{slug} and …/page/{n}. Unknown categories are 404; known but empty ones list nothing.

async function load(locale: Locale, slug: string, page: number) {
  const category = await findCategory(locale, slug);
  if (!category) notFound();
  const result = await listByCategory(locale, category.id, page);
  if (!result) notFound();
  const t = getT(locale, "site");
  const base = t("categoryTitle", { name: category.name });
  return { category, result, title: page > 1 ? `${base} · ${t("pageTitle", { page })}` : base };
}

export async function categoryMetadata(locale: Locale, slug: string, page: number): Promise<Metadata> {
  const { title } = await load(locale, slug, page);
  return pageMetadata({ locale, pathFor: (l) => paths.category(l, slug, page), title });
}

export async function CategoryView({ locale, slug, page }: { locale: Locale; slug: string; page: number }) {
  const { category, result, title } = await load(locale, slug, page);
  return (
    <SiteShell locale={locale} pathFor={(l) => paths.category(l, category.slug, page)}>
      <h1>{title}</h1>
      <ReleaseList locale={locale} items={result.items} />
      <Pagination
        locale={locale}
        page={result.page}
        pages={result.pages}
        hrefFor={(n) => paths.category(locale, category.slug, n)}
      />
    </SiteShell>
  );
}
