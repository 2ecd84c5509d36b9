import "server-only";
import { can } from "@/domain/auth/permissions";
import { parseDoc } from "@/domain/release/content";
import { checkDoc } from "@/domain/release/rich-text-schema";
import type { DistributionChoice } from "@/domain/distribution/schemas";
import type { ContentInput } from "@/domain/release/schemas";
import { transition, type WorkflowAction } from "@/domain/release/workflow";
import type { Db } from "../db/client";
import { onWorkflowChange } from "../distribution/enqueue";
import { syncMediaUses } from "../media/uses";
import { beginSearchSync, syncSearchIndex } from "../search";
import { auditedCheck, checkContents } from "../check/translation-check";
import { afterWorkflow } from "../workbench/hooks";
import { ReleaseError, type Result } from "./results";
import { releaseState } from "./state";
import { adjustPublicCounts } from "./public-counts";
import { contactsOfRelease } from "../contacts/store";
import { contactIn } from "@/domain/contacts/contact";
import { kitOfRelease, kitSnapshot } from "../presskit/store";
import { touchedTags } from "./touched-tags";
import { audit, bumpVersion, inTransaction, loadForWrite, type Actor, type Tx } from "./transaction";
import { saveContent, toStored } from "./write";

// Creating a release and moving it through the workflow (mark translated, publish, withdraw).

export interface ReleaseMeta {
  categoryId: string | null;
  releaseDate: Date | null;
  featured?: boolean;
}

export async function createRelease(
  db: Db,
  actor: Actor,
  zh: ContentInput,
  meta: ReleaseMeta,
): Promise<Result<{ id: string; version: number }>> {
  if (!can(actor.role, "release.create")) return { ok: false, code: "forbidden" };
  return inTransaction(db, (tx) => createReleaseIn(tx, actor, zh, meta));
}

/** createRelease inside the caller's transaction (a ReleaseError rolls it back). */
export async function createReleaseIn(tx: Tx, actor: Actor, zh: ContentInput, meta: ReleaseMeta) {
  if (!can(actor.role, "release.create")) throw new ReleaseError("forbidden");
  const stored = toStored(zh);
  const release = await tx.release.create({
    data: {
      authorId: actor.id,
      categoryId: meta.categoryId,
      releaseDate: meta.releaseDate,
      featured: meta.featured ?? false,
      contents: { create: { locale: "zh", ...stored } },
      revisions: { create: { locale: "zh", number: 1, authorId: actor.id, ...stored } },
    },
  });
  await syncSearchIndex(tx, release.id);
  await syncMediaUses(tx, release.id);
  await audit(tx, { actorId: actor.id, action: "release.created", releaseId: release.id, toStatus: "DRAFT" });
  return { id: release.id, version: release.version };
}

/** Category, date and featured flag; writers of the original may change them. */
export async function saveMeta(
  db: Db,
  actor: Actor,
  releaseId: string,
  meta: ReleaseMeta,
  baseVersion: number,
): Promise<Result<{ version: number }>> {
  if (!can(actor.role, "original.write")) return { ok: false, code: "forbidden" };
  return inTransaction(db, async (tx) => {
    const version = await bumpVersion(tx, releaseId, baseVersion);
    await tx.release.update({
      where: { id: releaseId },
      data: { categoryId: meta.categoryId, releaseDate: meta.releaseDate, featured: meta.featured ?? false },
    });
    return { version };
  });
}

export { saveContent };

export type WorkflowCommand =
  | { type: "markTranslated" }
  | { type: "publish"; at?: Date | null; distribution?: DistributionChoice }
  | { type: "withdraw" };

/** Runs one workflow command against `baseVersion`. Publishing copies the working copy to the live snapshot. */
export async function runWorkflow(
  db: Db,
  actor: Actor,
  releaseId: string,
  command: WorkflowCommand,
  baseVersion: number,
  now = new Date(),
): Promise<Result<WorkflowOutcome>> {
  return inTransaction(db, (tx) => runWorkflowIn(tx, actor, releaseId, command, baseVersion, now));
}

export interface WorkflowOutcome {
  version: number;
  status: string;
  embargoed: boolean;
  /** Cache tags of the public pages the change touched (empty when nothing public changed). */
  touched: string[];
}

/** runWorkflow inside the caller's transaction (a ReleaseError rolls it back). */
export async function runWorkflowIn(
  tx: Tx,
  actor: Actor,
  releaseId: string,
  command: WorkflowCommand,
  baseVersion: number,
  now = new Date(),
): Promise<WorkflowOutcome> {
  const release = await loadForWrite(tx, releaseId);
  const syncSearch = await beginSearchSync(tx, releaseId);
  const action: WorkflowAction =
    command.type === "publish" ? { type: "publish", at: command.at ?? now, now } : { type: command.type };
  const decision = transition(releaseState(release), action, actor);
  if (!decision.ok) throw new ReleaseError(decision.code);
  // Marking translated: the check runs again here and goes into the audit event (docs/TRANSLATION.md).
  const check = command.type === "markTranslated" ? await checkContents(tx, release.contents) : null;
  if (check?.blocking) throw new ReleaseError("term_errors_block");
  const version = await bumpVersion(tx, releaseId, baseVersion, decision.next.status);
  await onWorkflowChange(tx, releaseId, command, actor.id, now); // email and webhooks (docs/DISTRIBUTION.md)
  const touched = command.type === "markTranslated" ? [] : await replaceLive(tx, release, command, now);
  await syncSearch();
  await syncMediaUses(tx, releaseId); // which media the live snapshots show: the anonymous /media rule
  await audit(tx, {
    actorId: actor.id,
    action: `release.${command.type}`,
    releaseId,
    fromStatus: release.status,
    toStatus: decision.next.status,
    detail:
      command.type === "publish"
        ? { at: (command.at ?? now).toISOString() }
        : check
          ? { check: auditedCheck(check) }
          : undefined,
  });
  await afterWorkflow(tx, { releaseId, command: command.type, actorId: actor.id, contents: release.contents });
  return { version, status: decision.next.status, embargoed: decision.next.embargoed ?? false, touched };
}

type Loaded = Awaited<ReturnType<typeof loadForWrite>>;

/**
 * Publishing copies the working copy to the live snapshot (both languages, one time); withdrawing
 * deletes it. The month counts of the public site follow in the same transaction. Returns the
 * cache tags of what showed the release before and shows it after (read in the transaction, so
 * no concurrent change slips between them).
 */
async function replaceLive(tx: Tx, release: Loaded, command: WorkflowCommand, now: Date): Promise<string[]> {
  const releaseId = release.id;
  const before = await tx.publication.findMany({
    where: { releaseId },
    select: { locale: true, slug: true, categoryId: true, publishedAt: true },
  });
  if (command.type === "withdraw") {
    await tx.publication.deleteMany({ where: { releaseId } });
    await adjustPublicCounts(tx, before, [], now);
    return touchedTags(releaseId, before, []);
  }
  const at = (command.type === "publish" && command.at) || now;
  const { categoryId, featured } = release;
  // The press contacts as they are now: the page keeps them until it is published again.
  const named = await contactsOfRelease(tx, releaseId);
  const kit = await kitOfRelease(tx, releaseId);
  for (const c of release.contents) {
    const { title, summary, body, bodyText, slug } = c;
    const contacts = JSON.stringify(named.map((n) => contactIn(n, c.locale)));
    const presskit = kitSnapshot(kit, c.locale);
    const live = { title, summary, body, bodyText, slug, categoryId, featured, publishedAt: at, contacts, presskit };
    await tx.publication.upsert({
      where: { releaseId_locale: { releaseId, locale: c.locale } },
      create: { releaseId, locale: c.locale, ...live },
      update: live,
    });
  }
  const after = release.contents.map((c) => ({ locale: c.locale, slug: c.slug, categoryId, publishedAt: at }));
  await adjustPublicCounts(tx, before, after, now);
  return touchedTags(releaseId, before, after);
}

/** Restores an old revision as a new save (so the restore itself is a revision, nothing is lost). */
export async function restoreRevision(
  db: Db,
  actor: Actor,
  releaseId: string,
  revisionId: string,
  baseVersion: number,
): Promise<Result<{ version: number; status: string }>> {
  const revision = await db.revision.findFirst({ where: { id: revisionId, releaseId } });
  if (!revision) return { ok: false, code: "not_found" };
  const input = { title: revision.title, summary: revision.summary, body: revision.body, slug: revision.slug };
  // A revision stored before bodies were checked against the editor's schema is not brought back.
  const problem = checkDoc(parseDoc(revision.body));
  if (problem) return { ok: false, code: "body_unsupported", params: { ...problem } };
  return saveContent(db, actor, releaseId, revision.locale, input, baseVersion);
}
