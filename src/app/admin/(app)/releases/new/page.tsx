import { randomBytes } from "node:crypto";
import { OriginalWorkspace } from "@/components/admin/release/original-workspace";
import { EMPTY_DOC } from "@/domain/release/content";
import { getT } from "@/i18n/server";
import { requirePermission } from "@/server/auth/current";
import { db } from "@/server/db";
import { listCategories } from "@/server/releases/admin-queries";

export default async function NewReleasePage() {
  const user = await requirePermission("release.create");
  const t = getT(user.locale, "admin");
  const categories = await listCategories(db());
  const today = new Date().toISOString().slice(0, 10);
  // Chinese titles have no Latin letters to slug from: suggest a dated, unique one.
  const slug = `release-${today.replaceAll("-", "")}-${randomBytes(3).toString("hex")}`;
  return (
    <>
      <h1>{t("releases.new")}</h1>
      <OriginalWorkspace
        releaseId={null}
        version={1}
        initial={{ title: "", summary: "", slug, body: JSON.stringify(EMPTY_DOC), categoryId: "", releaseDate: today }}
        categories={categories.map((c) => ({ id: c.id, name: user.locale === "zh" ? c.nameZh : c.nameEn }))}
        options={[]}
        canEdit
      />
    </>
  );
}
