import Link from "next/link";
import { notFound } from "next/navigation";
import { TranslationWorkspace } from "@/components/admin/release/translation-workspace";
import { can } from "@/domain/auth/permissions";
import { EMPTY_DOC, docBlocks, parseDoc } from "@/domain/release/content";
import { alignBlocks } from "@/domain/release/align";
import { sourceChanges } from "@/domain/release/source-changes";
import { actionOptions, isOutdated } from "@/domain/release/workflow";
import { getT } from "@/i18n/server";
import { requirePermission } from "@/server/auth/current";
import { db } from "@/server/db";
import { getReleaseForEdit, getRevision } from "@/server/releases/admin-queries";
import { AssignmentPanel } from "@/components/admin/workbench/assignment-panel";
import { assignmentPanelData } from "@/server/assignments/view";
import { translateSegments } from "@/server/workbench/translate-data";

export default async function TranslatePage({ params }: PageProps<"/admin/releases/[id]/translate">) {
  const user = await requirePermission("release.read");
  const { id } = await params;
  const release = await getReleaseForEdit(db(), id);
  if (!release || !release.zh) notFound();
  const t = getT(user.locale, "admin");
  const { zh, en } = release;
  const [segments, assignment] = await Promise.all([translateSegments(db(), zh), assignmentPanelData(db(), id, user)]);
  const outdated = isOutdated(release.state);
  let outdatedDiff = null;
  if (outdated && en) {
    const source = en.sourceRevisionId ? await getRevision(db(), id, en.sourceRevisionId) : null;
    const oldBlocks = source ? docBlocks(parseDoc(source.body)) : [];
    const before = source ? [source.title, source.summary, ...oldBlocks] : [];
    const enBlocks = docBlocks(parseDoc(en.body));
    const aligned = alignBlocks(oldBlocks, enBlocks);
    const english = (i: number) =>
      i === 0 ? en.title : i === 1 ? en.summary : (enBlocks[aligned[i - 2] ?? -1] ?? null);
    outdatedDiff = sourceChanges(before, [zh.title, zh.summary, ...docBlocks(parseDoc(zh.body))], english);
  }
  return (
    <>
      <h1>
        {t("translate.title")}: <span lang="zh-CN">{zh.title}</span>
      </h1>
      <nav aria-label={t("releases.sections")} className="subnav">
        <Link href={`/admin/releases/${id}`}>{t("releases.original")}</Link>
        <Link href={`/admin/releases/${id}/history?locale=en`}>{t("releases.history")}</Link>
        {en && <Link href={`/preview/${id}/en`}>{t("releases.previewEn")}</Link>}
      </nav>
      {outdated && <p className="form-error">{t("translate.outdatedBadge")}</p>}
      <TranslationWorkspace
        releaseId={id}
        version={release.version}
        original={{ title: zh.title, summary: zh.summary, body: zh.body, slug: zh.slug }}
        initial={{
          title: en?.title ?? "",
          summary: en?.summary ?? "",
          body: en?.body ?? JSON.stringify(EMPTY_DOC),
          slug: en?.slug ?? zh.slug,
          sourceFingerprint: outdated && en?.sourceFingerprint ? en.sourceFingerprint : zh.fingerprint,
        }}
        currentFingerprint={zh.fingerprint}
        outdatedDiff={outdatedDiff}
        options={actionOptions(release.state, user.role, new Date())}
        canEdit={can(user.role, "translation.write")}
        segments={segments}
      />
      <AssignmentPanel releaseId={id} current={assignment.current} assignees={assignment.assignees} />
    </>
  );
}
