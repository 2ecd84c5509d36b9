import Link from "next/link";
import { Pagination } from "@/components/site/pagination";
import { localeOr404, metadataOrEmpty } from "@/components/site/params";
import { SiteShell } from "@/components/site/site-shell";
import { Highlighted } from "@/components/search/highlighted";
import { paths } from "@/domain/public/urls";
import { formatDate } from "@/i18n/format";
import { getT } from "@/i18n/server";
import { env } from "@/server/env";
import { publicSearch } from "@/server/search/public-page";
import { pageMetadata } from "@/server/site-metadata";

// Public search over live releases in this language. Reads searchParams: rendered per request by
// Next, kept by the front server until a change of this language (src/server/search/public-page.ts).
export const dynamic = "force-dynamic";

type Props = PageProps<"/[locale]/search">;

const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : "");

export async function generateMetadata({ params }: Props) {
  return metadataOrEmpty(async () => {
    const locale = localeOr404((await params).locale);
    return {
      ...pageMetadata({ locale, pathFor: paths.search, title: getT(locale, "site")("searchTitle") }),
      robots: { index: false, follow: true },
    };
  });
}

export default async function SearchPage({ params, searchParams }: Props) {
  const locale = localeOr404((await params).locale);
  const query = await searchParams;
  const q = one(query.q).slice(0, 1000);
  const requested = Number(one(query.page) || "1");
  const t = getT(locale, "site");
  const result = await publicSearch(locale, q, Number.isInteger(requested) ? requested : 1);
  const withQuery = (base: string, page = 1) =>
    result?.query
      ? `${base}?${new URLSearchParams({ q: result.query, ...(page > 1 ? { page: String(page) } : {}) })}`
      : base;
  return (
    <SiteShell locale={locale} pathFor={(l) => withQuery(paths.search(l))}>
      <h1>{t("searchTitle")}</h1>
      <form role="search" action={paths.search(locale)} method="get" className="search-form">
        <label htmlFor="q">{t("searchLabel")}</label>
        <input id="q" name="q" type="search" defaultValue={result?.query ?? q} maxLength={200} />
        <button type="submit">{t("searchSubmit")}</button>
      </form>
      {result && (
        <p role="status">
          {result.rejected
            ? t("searchRejected")
            : t("searchCount", {
                count: result.totalIsLowerBound ? `${result.total}+` : result.total,
                query: result.query,
              })}
        </p>
      )}
      {result && result.items.length > 0 && (
        <ol className="search-results release-list">
          {result.items.map((hit) => (
            <li key={hit.releaseId}>
              <h2>
                <Link href={paths.article(locale, hit.slug)}>
                  <Highlighted segments={hit.title} />
                </Link>
              </h2>
              <p className="meta">
                <time dateTime={hit.date.toISOString()}>{formatDate(hit.date, locale, env().NEWSROOM_TIMEZONE)}</time>
              </p>
              <p className="summary">
                <Highlighted segments={hit.snippet} />
              </p>
            </li>
          ))}
        </ol>
      )}
      {result && (
        <Pagination
          locale={locale}
          page={result.page}
          pages={result.pages}
          hrefFor={(p) => withQuery(paths.search(locale), p)}
        />
      )}
    </SiteShell>
  );
}
