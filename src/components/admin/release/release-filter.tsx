import { getT } from "@/i18n/server";
import type { Locale } from "@/i18n/settings";

/** Filter by title text and category (a GET form: filters are shareable URLs). */
export function ReleaseFilter({
  locale,
  action,
  q,
  categoryId,
  categories,
}: {
  locale: Locale;
  action: string;
  q: string;
  categoryId: string;
  categories: { id: string; nameZh: string; nameEn: string }[];
}) {
  const t = getT(locale, "admin");
  return (
    <form method="get" action={action} className="inline-form panel" role="search">
      <span className="field">
        <label htmlFor="filter-q">{t("releases.filterTitle")}</label>
        <input id="filter-q" name="q" type="search" defaultValue={q} maxLength={200} />
      </span>
      <span className="field">
        <label htmlFor="filter-category">{t("fields.category")}</label>
        <select id="filter-category" name="category" defaultValue={categoryId}>
          <option value="">{t("releases.allCategories")}</option>
          {categories.map((c) => (
            <option key={c.id} value={c.id}>
              {locale === "zh" ? c.nameZh : c.nameEn}
            </option>
          ))}
        </select>
      </span>
      <button type="submit">{t("releases.filter")}</button>
    </form>
  );
}
