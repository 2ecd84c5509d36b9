import Link from "next/link";
import { DeleteTmUnitButton } from "@/components/admin/workbench/small-forms";
import { can } from "@/domain/auth/permissions";
import { formatDateTime } from "@/i18n/datetime";
import { getT } from "@/i18n/server";
import { requirePermission } from "@/server/auth/current";
import { db } from "@/server/db";
import { env } from "@/server/env";
import type { TextLang } from "@/server/tm/engine";
import { searchMemory } from "@/server/tm/queries";

const LANGS: TextLang[] = ["any", "zh", "en"];
const one = (v: string | string[] | undefined) => (typeof v === "string" ? v.slice(0, 200) : "");

/** The translation memory: search in Chinese, English or either, newest first; editors delete bad pairs. */
export default async function TranslationMemoryPage({ searchParams }: PageProps<"/admin/tm">) {
  const user = await requirePermission("tm.read");
  const t = getT(user.locale, "admin");
  const query = await searchParams;
  const q = one(query.q);
  const lang = (LANGS as string[]).includes(one(query.lang)) ? (one(query.lang) as TextLang) : "any";
  const before = /^[1-9]\d{0,9}$/.test(one(query.before)) ? Number(one(query.before)) : null;
  const { items, next, rejected } = await searchMemory(db(), { q, lang, before });
  const canDelete = can(user.role, "tm.delete");
  const tz = env().NEWSROOM_TIMEZONE;
  return (
    <>
      <h1>{t("workbench.tm.title")}</h1>
      <p className="hint">{t("workbench.tm.intro")}</p>
      <form method="get" action="/admin/tm" className="inline-form" role="search">
        <label htmlFor="tm-q">{t("workbench.tm.search")}</label>
        <input id="tm-q" name="q" defaultValue={q} />
        <label htmlFor="tm-lang">{t("workbench.tm.language")}</label>
        <select id="tm-lang" name="lang" defaultValue={lang}>
          {LANGS.map((l) => (
            <option key={l} value={l}>
              {t(`workbench.tm.lang.${l}`)}
            </option>
          ))}
        </select>
        <button type="submit">{t("workbench.tm.searchButton")}</button>
      </form>
      {rejected === "no_terms" && <p className="hint">{t("workbench.tm.noTerms")}</p>}
      <table>
        <caption>{q ? t("workbench.tm.captionSearch", { q }) : t("workbench.tm.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("workbench.tm.source")}</th>
            <th scope="col">{t("workbench.tm.target")}</th>
            <th scope="col">{t("workbench.tm.origin")}</th>
            {canDelete && <th scope="col">{t("users.actions")}</th>}
          </tr>
        </thead>
        <tbody>
          {items.map((u) => (
            <tr key={u.id}>
              <td lang="zh-CN">{u.source}</td>
              <td lang="en">{u.target}</td>
              <td>
                {u.releases.map((r) => (
                  <p key={`${r.id}-${r.via}`}>
                    <Link href={`/admin/releases/${r.id}`}>{r.title ?? r.id}</Link> ({t(`workbench.tm.via.${r.via}`)})
                  </p>
                ))}
                <p className="meta">{formatDateTime(u.createdAt, user.locale, tz)}</p>
              </td>
              {canDelete && (
                <td>
                  <DeleteTmUnitButton id={u.id} source={u.source} />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {items.length === 0 && <p className="hint">{t("workbench.tm.empty")}</p>}
      {next && (
        <nav aria-label={t("audit.pages")}>
          <Link href={`/admin/tm?${new URLSearchParams({ q, lang, before: String(next) })}`}>
            {t("workbench.tm.older")}
          </Link>
        </nav>
      )}
    </>
  );
}
