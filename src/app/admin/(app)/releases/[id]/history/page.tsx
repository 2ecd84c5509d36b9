import Link from "next/link";
import { notFound } from "next/navigation";
import { RestoreButton } from "@/components/admin/release/restore-button";
import { DiffList } from "@/components/admin/release/source-diff";
import { can } from "@/domain/auth/permissions";
import { docBlocks, parseDoc } from "@/domain/release/content";
import { diffBlocksBounded } from "@/domain/release/diff";
import { formatDateTime } from "@/i18n/datetime";
import { getT } from "@/i18n/server";
import { requirePermission } from "@/server/auth/current";
import { db } from "@/server/db";
import { env } from "@/server/env";
import { getReleaseForEdit, listRevisions } from "@/server/releases/admin-queries";

const blocksOf = (r: { title: string; summary: string; slug: string; body: string }) => [
  r.title,
  r.summary,
  `/${r.slug}`,
  ...docBlocks(parseDoc(r.body)),
];

function RevisionDiff({ before, after, lang }: { before: string[]; after: string[]; lang: string }) {
  const diff = diffBlocksBounded(before, after);
  return <DiffList parts={diff.parts} exact={diff.exact} lang={lang} />;
}

/** Revisions of one language, a diff between any two (?a=&b=), and restore. */
export default async function HistoryPage({ params, searchParams }: PageProps<"/admin/releases/[id]/history">) {
  const user = await requirePermission("release.read");
  const { id } = await params;
  const query = await searchParams;
  const locale = query.locale === "en" ? "en" : "zh";
  const release = await getReleaseForEdit(db(), id);
  if (!release) notFound();
  const t = getT(user.locale, "admin");
  const revisions = await listRevisions(db(), id, locale);
  const pick = (key: string, fallback: number) => revisions.find((r) => r.id === query[key]) ?? revisions[fallback];
  const newer = pick("b", 0);
  const older = pick("a", 1);
  const canRestore = can(user.role, locale === "zh" ? "original.write" : "translation.write");
  const tz = env().NEWSROOM_TIMEZONE;
  return (
    <>
      <h1>{t("history.title")}</h1>
      <nav aria-label={t("releases.sections")} className="subnav">
        <Link href={`/admin/releases/${id}`}>{t("releases.original")}</Link>
        <Link href={`/admin/releases/${id}/translate`}>{t("releases.translate")}</Link>
        <Link href={`/admin/releases/${id}/history?locale=zh`} aria-current={locale === "zh" ? "page" : undefined}>
          {t("history.zh")}
        </Link>
        <Link href={`/admin/releases/${id}/history?locale=en`} aria-current={locale === "en" ? "page" : undefined}>
          {t("history.en")}
        </Link>
      </nav>
      <form method="get" className="inline-form panel">
        <input type="hidden" name="locale" value={locale} />
        {(["a", "b"] as const).map((key) => (
          <span key={key} className="field">
            <label htmlFor={`rev-${key}`}>{t(`history.${key}`)}</label>
            <select id={`rev-${key}`} name={key} defaultValue={(key === "a" ? older : newer)?.id}>
              {revisions.map((r) => (
                <option key={r.id} value={r.id}>
                  #{r.number} · {r.author.displayName} · {formatDateTime(r.createdAt, user.locale, tz)}
                </option>
              ))}
            </select>
          </span>
        ))}
        <button type="submit">{t("history.compare")}</button>
      </form>
      {older && newer && older.id !== newer.id && (
        <section className="panel" aria-labelledby="diff-heading">
          <h2 id="diff-heading">{t("history.diffHeading", { a: older.number, b: newer.number })}</h2>
          <RevisionDiff before={blocksOf(older)} after={blocksOf(newer)} lang={locale === "zh" ? "zh-CN" : "en"} />
        </section>
      )}
      <table>
        <caption>{t("history.list")}</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t("history.author")}</th>
            <th scope="col">{t("history.time")}</th>
            <th scope="col">{t("fields.title")}</th>
            <th scope="col">{t("users.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {revisions.map((r, i) => (
            <tr key={r.id}>
              <td>{r.number}</td>
              <td>{r.author.displayName}</td>
              <td>{formatDateTime(r.createdAt, user.locale, tz)}</td>
              <td lang={locale === "zh" ? "zh-CN" : "en"}>{r.title}</td>
              <td>
                {canRestore && i > 0 && (
                  <RestoreButton releaseId={id} revisionId={r.id} number={r.number} version={release.version} />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
