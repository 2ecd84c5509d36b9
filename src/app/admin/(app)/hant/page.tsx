import { DeleteHantOverrideButton, HantOverrideForm } from "@/components/admin/workbench/hant-forms";
import { getT } from "@/i18n/server";
import { requirePermission } from "@/server/auth/current";
import { db } from "@/server/db";
import { converterFor } from "@/server/hant/edition";
import { listHantOverrides } from "@/server/hant/overrides";

export const dynamic = "force-dynamic";

const TRY_MAX = 2_000;
const one = (v: string | string[] | undefined) => (typeof v === "string" ? v.slice(0, TRY_MAX) : "");

/** The fixes of the generated Traditional Chinese edition: list, add, edit, delete, try a text. */
export default async function HantOverridesPage({ searchParams }: PageProps<"/admin/hant">) {
  const user = await requirePermission("hant.manage");
  const t = getT(user.locale, "admin");
  const overrides = await listHantOverrides(db());
  const sample = one((await searchParams).try);
  const converted = sample ? converterFor(overrides)(sample) : "";
  return (
    <>
      <h1>{t("hant.title")}</h1>
      <p className="hint">{t("hant.intro")}</p>
      <section className="panel" aria-labelledby="try-h">
        <h2 id="try-h">{t("hant.tryTitle")}</h2>
        <form method="get" action="/admin/hant" className="stack">
          <label htmlFor="hant-try">{t("hant.tryLabel")}</label>
          <textarea id="hant-try" name="try" lang="zh-CN" rows={3} maxLength={TRY_MAX} defaultValue={sample} />
          <p>
            <button type="submit">{t("hant.tryButton")}</button>
          </p>
        </form>
        {sample && (
          <p>
            {t("hant.tryResult")}: <output lang="zh-Hant">{converted}</output>
          </p>
        )}
      </section>
      <table className="glossary-table">
        <caption>{t("hant.caption", { count: overrides.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("hant.wrong")}</th>
            <th scope="col">{t("hant.right")}</th>
            <th scope="col">{t("hant.note")}</th>
            <th scope="col">{t("hant.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {overrides.map((o) => (
            <tr key={o.id}>
              <th scope="row" lang="zh-Hant">
                {o.wrong}
              </th>
              <td lang="zh-Hant">{o.right}</td>
              <td>{o.note}</td>
              <td>
                <details>
                  <summary>{t("hant.edit")}</summary>
                  <HantOverrideForm override={o} />
                </details>
                <DeleteHantOverrideButton id={o.id} label={o.wrong} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {overrides.length === 0 && <p>{t("hant.empty")}</p>}
      <section className="panel" aria-labelledby="add-hant-h">
        <h2 id="add-hant-h">{t("hant.addTitle")}</h2>
        <HantOverrideForm />
      </section>
    </>
  );
}
