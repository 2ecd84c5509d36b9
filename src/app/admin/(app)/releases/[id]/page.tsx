import Link from "next/link";
import { notFound } from "next/navigation";
import { OriginalWorkspace } from "@/components/admin/release/original-workspace";
import { AssignmentPanel } from "@/components/admin/workbench/assignment-panel";
import { StatusBadge } from "@/components/admin/release/status-badge";
import { can } from "@/domain/auth/permissions";
import { actionOptions, isOutdated } from "@/domain/release/workflow";
import { getT } from "@/i18n/server";
import { requirePermission } from "@/server/auth/current";
import { db } from "@/server/db";
import { assignmentPanelData } from "@/server/assignments/view";
import { ReleaseContactsPanel } from "@/components/admin/presskit/release-contacts";
import { contactChoices, contactsOfRelease } from "@/server/contacts/store";
import { ReleaseKitPanel } from "@/components/admin/presskit/release-kit";
import { kitOfRelease } from "@/server/presskit/store";
import { ReleaseViewsPanel } from "@/components/admin/presskit/release-views";
import { viewsOfRelease } from "@/server/views/record";
import { getReleaseForEdit, listCategories } from "@/server/releases/admin-queries";

export default async function ReleasePage({ params, searchParams }: PageProps<"/admin/releases/[id]">) {
  const user = await requirePermission("release.read");
  const { id } = await params;
  const release = await getReleaseForEdit(db(), id);
  if (!release || !release.zh) notFound();
  const t = getT(user.locale, "admin");
  const categories = await listCategories(db());
  const live = release.publications.find((p) => p.locale === "zh");
  const assignment = await assignmentPanelData(db(), id, user);
  const canEditOriginal = can(user.role, "original.write");
  const named = await contactsOfRelease(db(), id);
  const choices = canEditOriginal ? await contactChoices(db()) : [];
  const kit = await kitOfRelease(db(), id);
  const outcome = (await searchParams).kit;
  return (
    <>
      <h1>{release.zh.title}</h1>
      <p className="meta">
        <StatusBadge
          status={release.status}
          outdated={isOutdated(release.state)}
          liveAt={live?.publishedAt ?? null}
          locale={user.locale}
        />
      </p>
      <nav aria-label={t("releases.sections")} className="subnav">
        <Link href={`/admin/releases/${id}/translate`}>{t("releases.translate")}</Link>
        <Link href={`/admin/releases/${id}/history`}>{t("releases.history")}</Link>
        <Link href={`/preview/${id}/zh`}>{t("releases.previewZh")}</Link>
        <Link href={`/preview/${id}/zh-Hant`}>{t("releases.previewHant")}</Link>
        {release.en && <Link href={`/preview/${id}/en`}>{t("releases.previewEn")}</Link>}
        {can(user.role, "distribution.manage") && (
          <Link href={`/admin/releases/${id}/delivery`}>{getT(user.locale, "mail")("admin.delivery.link")}</Link>
        )}
      </nav>
      <OriginalWorkspace
        releaseId={id}
        version={release.version}
        initial={{
          title: release.zh.title,
          summary: release.zh.summary,
          slug: release.zh.slug,
          body: release.zh.body,
          categoryId: release.categoryId ?? "",
          releaseDate: release.releaseDate?.toISOString().slice(0, 10) ?? "",
        }}
        categories={categories.map((c) => ({ id: c.id, name: user.locale === "zh" ? c.nameZh : c.nameEn }))}
        options={actionOptions(release.state, user.role, new Date())}
        canEdit={canEditOriginal}
      />
      <ReleaseContactsPanel
        releaseId={id}
        named={named}
        choices={choices}
        canEdit={canEditOriginal}
        locale={user.locale}
      />
      <ReleaseKitPanel
        releaseId={id}
        files={kit}
        canEdit={can(user.role, "presskit.write")}
        locale={user.locale}
        outcome={typeof outcome === "string" ? outcome : undefined}
      />
      {can(user.role, "views.read") && (
        <ReleaseViewsPanel releaseId={id} rows={await viewsOfRelease(db(), id)} locale={user.locale} />
      )}
      <AssignmentPanel releaseId={id} current={assignment.current} assignees={assignment.assignees} />
    </>
  );
}
