import Link from "next/link";
import { ReleaseFilter } from "@/components/admin/release/release-filter";
import { ReleaseTable } from "@/components/admin/release/release-table";
import { can } from "@/domain/auth/permissions";
import { getT } from "@/i18n/server";
import { requirePermission } from "@/server/auth/current";
import { db } from "@/server/db";
import { listCategories, listReleasesForDashboard } from "@/server/releases/admin-queries";

const one = (v: string | string[] | undefined) => (typeof v === "string" ? v.slice(0, 200) : "");

/** Every release, most recently changed first. */
export default async function ReleasesPage({ searchParams }: PageProps<"/admin/releases">) {
  const user = await requirePermission("release.read");
  const t = getT(user.locale, "admin");
  const query = await searchParams;
  const [q, categoryId] = [one(query.q), one(query.category)];
  const [rows, categories] = await Promise.all([
    listReleasesForDashboard(db(), { q, categoryId: categoryId || undefined }),
    listCategories(db()),
  ]);
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
