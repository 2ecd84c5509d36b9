import Link from "next/link";
import { notFound } from "next/navigation";
import {
  DeleteGlossaryTermButton,
  GlossaryImportForm,
  GlossaryTermForm,
  TermBlockingForm,
} from "@/components/admin/workbench/glossary-forms";
import { can } from "@/domain/auth/permissions";
import { getT } from "@/i18n/server";
import { requirePermission } from "@/server/auth/current";
import { db } from "@/server/db";
import { listGlossary } from "@/server/glossary/store";
import { getSetting } from "@/server/settings";

const one = (v: string | string[] | undefined) => (typeof v === "string" ? v.slice(0, 100) : "");

/** The glossary: search, entries, and for editors and admins add, edit, delete, CSV import. */
export default async function GlossaryPage({ searchParams }: PageProps<"/admin/glossary">) {
  const user = await requirePermission("glossary.read");
  const t = getT(user.locale, "admin");
  const query = await searchParams;
  const q = one(query.q);
  const category = one(query.category);
  const page = one(query.page) ? Number(one(query.page)) : 1;
  if (!Number.isInteger(page) || page < 1 || page > 10_000) notFound();
  const { items, total, pages, categories } = await listGlossary(db(), { q, category, page });
  const canWrite = can(user.role, "glossary.write");
  const link = (p: number) => `/admin/glossary?${new URLSearchParams({ q, category, page: String(p) })}`;
  return (
    <>
      <h1>{t("workbench.glossary.title")}</h1>
      <p className="hint">{t(canWrite ? "workbench.glossary.introEdit" : "workbench.glossary.introRead")}</p>
      <form method="get" action="/admin/glossary" className="inline-form" role="search">
        <label htmlFor="glossary-q">{t("workbench.glossary.search")}</label>
        <input id="glossary-q" name="q" defaultValue={q} />
        <label htmlFor="glossary-category">{t("workbench.glossary.category")}</label>
        <select id="glossary-category" name="category" defaultValue={category}>
          <option value="">{t("workbench.glossary.allCategories")}</option>
          {categories.map((c) => (
            <option key={c}>{c}</option>
          ))}
        </select>
        <button type="submit">{t("workbench.glossary.searchButton")}</button>
      </form>
      <p>
        <a href="/admin/glossary/csv" download>
          {t("workbench.glossary.export")}
        </a>
      </p>
      {can(user.role, "settings.manage") && (
        <section className="panel" aria-labelledby="blocking-h">
          <h2 id="blocking-h">{t("workbench.glossary.blockingTitle")}</h2>
          <TermBlockingForm enabled={await getSetting(db(), "termErrorsBlock")} />
        </section>
      )}
      <datalist id="glossary-categories">
        {categories.map((c) => (
          <option key={c} value={c} />
        ))}
      </datalist>
      <table className="glossary-table">
        <caption>{t("workbench.glossary.caption", { count: total, page, pages })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("workbench.glossary.term")}</th>
            <th scope="col">{t("workbench.glossary.approved")}</th>
            <th scope="col">{t("workbench.glossary.forbidden")}</th>
            <th scope="col">{t("workbench.glossary.note")}</th>
            <th scope="col">{t("workbench.glossary.category")}</th>
            {canWrite && <th scope="col">{t("users.actions")}</th>}
          </tr>
        </thead>
        <tbody>
          {items.map((e) => (
            <tr key={e.id}>
              <th scope="row" lang="zh-CN">
                {e.term}
              </th>
              <td lang="en">{e.approved.join(" · ")}</td>
              <td lang="en">{e.forbidden.join(" · ")}</td>
              <td>{e.note}</td>
              <td>{e.category}</td>
              {canWrite && (
                <td>
                  <details>
                    <summary>{t("workbench.glossary.edit")}</summary>
                    <GlossaryTermForm entry={e} />
                  </details>
                  <DeleteGlossaryTermButton id={e.id} term={e.term} />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {pages > 1 && (
        <nav aria-label={t("audit.pages")}>
          {page > 1 && <Link href={link(page - 1)}>{t("workbench.previous")}</Link>}{" "}
          {page < pages && <Link href={link(page + 1)}>{t("workbench.next")}</Link>}
        </nav>
      )}
      {canWrite && (
        <div className="columns">
          <section className="panel" aria-labelledby="add-term-h">
            <h2 id="add-term-h">{t("workbench.glossary.addTitle")}</h2>
            <GlossaryTermForm />
          </section>
          <section className="panel" aria-labelledby="import-h">
            <h2 id="import-h">{t("workbench.glossary.importTitle")}</h2>
            <GlossaryImportForm />
          </section>
        </div>
      )}
    </>
  );
}
