import Link from "next/link";
import { CreateListForm } from "@/components/distribution/admin/list-forms";
import { getT } from "@/i18n/server";
import { requirePermission } from "@/server/auth/current";
import { db } from "@/server/db";
import { listsWithCounts, subscriberCounts } from "@/server/distribution/queries";
import { env } from "@/server/env";

// Distribution overview (editors and admins): subscribers by status, language and category, and the
// journalist lists. docs/DISTRIBUTION.md.
export default async function DistributionPage() {
  const me = await requirePermission("distribution.manage");
  const t = getT(me.locale, "mail");
  const [counts, lists] = await Promise.all([subscriberCounts(db()), listsWithCounts(db())]);
  return (
    <>
      <h1>{t("admin.distribution.title")}</h1>
      <p className="hint">
        {t("admin.distribution.subscribePage", { url: `${env().SITE_URL}/${me.locale}/subscribe` })}
      </p>
      <h2>{t("admin.distribution.subscribers")}</h2>
      <dl className="counts">
        {(["confirmed", "pending", "unsubscribed"] as const).map((s) => (
          <div key={s}>
            <dt>{t(`admin.distribution.${s}`)}</dt>
            <dd>{counts.status[s]}</dd>
          </div>
        ))}
      </dl>
      <table>
        <caption>{t("admin.distribution.byLanguage")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("admin.distribution.language")}</th>
            <th scope="col">{t("admin.distribution.count")}</th>
          </tr>
        </thead>
        <tbody>
          {(["zh", "en", "both"] as const).map((l) => (
            <tr key={l}>
              <td>{t(`admin.languages.${l}`)}</td>
              <td>{counts.language[l]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table>
        <caption>{t("admin.distribution.byCategory")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("admin.distribution.category")}</th>
            <th scope="col">{t("admin.distribution.count")}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>{t("admin.distribution.allCategories")}</td>
            <td>{counts.allCategories}</td>
          </tr>
          {counts.categories.map((c) => (
            <tr key={c.id}>
              <td>{me.locale === "zh" ? c.nameZh : c.nameEn}</td>
              <td>{c.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t("admin.distribution.lists")}</h2>
      {lists.length === 0 ? (
        <p>{t("admin.distribution.noLists")}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t("admin.distribution.listName")}</th>
              <th scope="col">{t("admin.distribution.members")}</th>
            </tr>
          </thead>
          <tbody>
            {lists.map((l) => (
              <tr key={l.id}>
                <td>
                  <Link href={`/admin/distribution/lists/${l.id}`}>{l.name}</Link>
                </td>
                <td>{l.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <CreateListForm />
    </>
  );
}
