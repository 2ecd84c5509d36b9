import { localeOr404, metadataOrEmpty } from "@/components/site/params";
import { SiteShell } from "@/components/site/site-shell";
import { paths } from "@/domain/public/urls";
import { getT } from "@/i18n/server";
import { otherLocale } from "@/i18n/settings";
import { pageMetadata } from "@/server/site-metadata";

// Placeholder: the form works without JavaScript; results come from src/server/search once wired.
// Reads searchParams, so it is rendered per request (never cached).
export const dynamic = "force-dynamic";

type Props = PageProps<"/[locale]/search">;

export async function generateMetadata({ params }: Props) {
  return metadataOrEmpty(async () => {
    const locale = localeOr404((await params).locale);
    return pageMetadata({ locale, pathFor: paths.search, title: getT(locale, "site")("searchTitle") });
  });
}

export default async function SearchPage({ params, searchParams }: Props) {
  const locale = localeOr404((await params).locale);
  const raw = (await searchParams).q;
  const q = (typeof raw === "string" ? raw : "").slice(0, 200);
  const t = getT(locale, "site");
  const other = otherLocale(locale);
  const counterpartHref = q ? `${paths.search(other)}?q=${encodeURIComponent(q)}` : paths.search(other);
  return (
    <SiteShell locale={locale} counterpartHref={counterpartHref}>
      <h1>{t("searchTitle")}</h1>
      <form role="search" action={paths.search(locale)} method="get" className="search-form">
        <label htmlFor="q">{t("searchLabel")}</label>
        <input id="q" name="q" type="search" defaultValue={q} maxLength={200} />
        <button type="submit">{t("searchSubmit")}</button>
      </form>
      {q && <p role="status">{t("searchPending")}</p>}
    </SiteShell>
  );
}
