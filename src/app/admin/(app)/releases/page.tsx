import { loadFilteredReleases } from "@/server/releases/dashboard-loader";
import { NewReleaseLink } from "@/components/admin/release/new-release-link";
import { ReleaseFilter } from "@/components/admin/release/release-filter";
import { ReleaseTable } from "@/components/admin/release/release-table";
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
      <NewReleaseLink role={user.role} locale={user.locale} />
      <ReleaseFilter
        locale={user.locale}
        action="/admin/releases"
        q={q}
        categoryId={categoryId}
        categories={categories}
      />
      <ReleaseTable rows={rows} locale={user.locale} caption={t("releases.all", { count: rows.length })} />
    </>
  );
}
