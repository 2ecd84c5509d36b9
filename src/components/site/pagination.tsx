import Link from "next/link";
import { getT } from "@/i18n/server";
import type { Locale } from "@/i18n/settings";

/** Previous / next links and "page x of y"; `hrefFor(n)` is the stable URL of page n. */
export function Pagination({
  locale,
  page,
  pages,
  hrefFor,
}: {
  locale: Locale;
  page: number;
  pages: number;
  hrefFor: (page: number) => string;
}) {
  if (pages <= 1) return null;
  const t = getT(locale, "site");
  return (
    <nav className="pagination" aria-label={t("pagination")}>
      {page > 1 ? (
        <Link rel="prev" href={hrefFor(page - 1)}>
          {t("previous")}
        </Link>
      ) : (
        <span aria-hidden="true" />
      )}
      <span>{t("pageOf", { page, pages })}</span>
      {page < pages ? (
        <Link rel="next" href={hrefFor(page + 1)}>
          {t("next")}
        </Link>
      ) : (
        <span aria-hidden="true" />
      )}
    </nav>
  );
}
