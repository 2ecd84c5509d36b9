import Link from "next/link";
import { loadFilteredReleases } from "@/components/admin/release/filtered-releases";
import { ReleaseFilter } from "@/components/admin/release/release-filter";
import { ReleaseTable } from "@/components/admin/release/release-table";
import { can } from "@/domain/auth/permissions";
import { getT } from "@/i18n/server";
import { requirePermission } from "@/server/auth/current";

/** Every release, most recently changed first. */
export default async function ReleasesPage({ searchParams }: PageProps<"/admin/releases">) {
  const user = await requirePermission("release.read");
  const t = getT(user.locale, "admin");
  const { q, categoryId, rows, categories } = await loadFilteredReleases(await searchParams);
  return (
    <>
      <h1>{t("nav.releases")}</h1>
      {can(user.role, "release.create") && (
        <p>
          <Link className="button" href="/admin/releases/new">
            {t("releases.new")}
          </Link>
        </p>
      )}
      <ReleaseFilter locale={user.locale} action="/admin/releases" q={q} categoryId={categoryId} categories={categories} />
      <ReleaseTable rows={rows} locale={user.locale} caption={t("releases.all", { count: rows.length })} />
    </>
  );
}
