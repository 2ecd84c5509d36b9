import Link from "next/link";
import { notFound } from "next/navigation";
import { canDeleteMedia } from "@/domain/auth/permissions";
import { formatDateTime } from "@/i18n/datetime";
import { getT } from "@/i18n/server";
import { requirePermission } from "@/server/auth/current";
import { db } from "@/server/db";
import { env } from "@/server/env";
import { listMedia } from "@/server/media/library";
import { thumbnailUrl } from "@/domain/media/urls";
import { DeleteMediaButton, LibraryUpload } from "./media-forms";

/** Every upload with its details and uses; ?filter=unused lists only media no release refers to. */
export default async function MediaPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePermission("media.upload");
  const t = getT(user.locale, "admin");
  const { filter, page: rawPage } = await searchParams;
  const unusedOnly = filter === "unused";
  const page =
    typeof rawPage === "string" && /^[1-9]\d{0,5}$/.test(rawPage) ? Number(rawPage) : rawPage === undefined ? 1 : NaN;
  if (!Number.isInteger(page)) notFound();
  const { items, total, pages } = await listMedia(db(), { unusedOnly, page });
  if (page > pages) notFound();
  const tz = env().NEWSROOM_TIMEZONE;
  const size = new Intl.NumberFormat(user.locale === "zh" ? "zh-CN" : "en", { maximumFractionDigits: 1 });
  const filterLink = (value: "all" | "unused") => (
    <Link
      href={value === "unused" ? "/admin/media?filter=unused" : "/admin/media"}
      aria-current={(value === "unused") === unusedOnly ? "page" : undefined}
    >
      {t(value === "unused" ? "media.filterUnused" : "media.filterAll")}
    </Link>
  );
  return (
    <>
      <h1>{t("media.title")}</h1>
      <LibraryUpload />
      <nav aria-label={t("media.filterLabel")} className="filters">
        {filterLink("all")} · {filterLink("unused")}
      </nav>
      {unusedOnly && <p className="hint">{t("media.keptForHistory")}</p>}
      <table className="media-table">
        <caption>{t("media.caption", { count: total, page, pages })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("media.preview")}</th>
            <th scope="col">{t("media.altTexts")}</th>
            <th scope="col">{t("media.details")}</th>
            <th scope="col">{t("media.uploader")}</th>
            <th scope="col">{t("media.usedIn")}</th>
            <th scope="col">{t("users.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((m) => (
            <tr key={m.id}>
              <td>
                {/* eslint-disable-next-line @next/next/no-img-element -- staff-only media, served privately */}
                <img src={thumbnailUrl(m)} alt="" width={m.width} height={m.height} loading="lazy" />
              </td>
              <td>
                <p lang="zh-CN">{m.altZh}</p>
                <p lang="en">{m.altEn || <em>{t("media.noAltEn")}</em>}</p>
              </td>
              <td>
                {m.mime.replace("image/", "").toUpperCase()} · {size.format(m.bytes / 1024)} KB · {m.width} × {m.height}
              </td>
              <td>
                {m.uploader ?? t("audit.system")}
                <br />
                {formatDateTime(m.createdAt, user.locale, tz)}
              </td>
              <td>
                {m.uses.length === 0 ? (
                  t("media.unused")
                ) : (
                  <ul>
                    {m.uses.map((u) => (
                      <li key={`${u.releaseId}-${u.locale}-${u.kind}`}>
                        <Link href={`/admin/releases/${u.releaseId}${u.locale === "en" ? "/translate" : ""}`}>
                          {u.title || u.releaseId}
                        </Link>{" "}
                        ({t(`media.use.${u.kind}`)}, {u.locale === "zh" ? "中文" : "English"})
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td>
                {m.uses.length === 0 && canDeleteMedia(user, m) && (
                  <DeleteMediaButton mediaId={m.id} label={t("media.deleteLabel", { alt: m.altZh })} />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {pages > 1 && (
        <nav aria-label={t("audit.pages")}>
          {page > 1 && (
            <Link href={`/admin/media?${unusedOnly ? "filter=unused&" : ""}page=${page - 1}`}>{t("audit.newer")}</Link>
          )}{" "}
          {page < pages && (
            <Link href={`/admin/media?${unusedOnly ? "filter=unused&" : ""}page=${page + 1}`}>{t("audit.older")}</Link>
          )}
        </nav>
      )}
    </>
  );
}
