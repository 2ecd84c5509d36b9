import { getT } from "@/i18n/server";
import { LANG_TAG, LOCALES, type Locale } from "@/i18n/settings";

/** The release page's views: the last 30 days by day, per edition, and the totals. */
export function ReleaseViewsPanel(p: {
  releaseId: string;
  rows: { day: string; edition: string; count: number }[];
  locale: Locale;
}) {
  const t = getT(p.locale, "presskit");
  const editions = [...new Set([...LOCALES, ...p.rows.map((r) => r.edition)])];
  const byDay = new Map<string, Map<string, number>>();
  for (const r of p.rows) byDay.set(r.day, (byDay.get(r.day) ?? new Map<string, number>()).set(r.edition, r.count));
  const total = (e: string) => p.rows.filter((r) => r.edition === e).reduce((n, r) => n + r.count, 0);
  const num = new Intl.NumberFormat(LANG_TAG[p.locale]);
  const days = [...byDay.keys()].slice(0, 30);
  return (
    <section className="panel" aria-labelledby="views-h">
      <h2 id="views-h">{t("views.title")}</h2>
      <p className="hint">{t("views.hint")}</p>
      {p.rows.length === 0 ? (
        <p>{t("views.none")}</p>
      ) : (
        <table>
          <caption>{t("views.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("views.day")}</th>
              {editions.map((e) => (
                <th scope="col" key={e}>
                  {t(`views.edition.${e}`, { defaultValue: e })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {days.map((day) => (
              <tr key={day}>
                <th scope="row">{day}</th>
                {editions.map((e) => (
                  <td key={e}>{num.format(byDay.get(day)?.get(e) ?? 0)}</td>
                ))}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t("views.total")}</th>
              {editions.map((e) => (
                <td key={e}>{num.format(total(e))}</td>
              ))}
            </tr>
          </tfoot>
        </table>
      )}
      <p>
        <a href={`/admin/releases/${p.releaseId}/views.csv`} download>
          {t("views.csv")}
        </a>
      </p>
    </section>
  );
}
