import "server-only";
import { docToPlainText, parseDoc } from "@/domain/release/content";
import { contentFingerprint } from "./fingerprint";
import type { ContentInput } from "@/domain/release/schemas";
import { transition } from "@/domain/release/workflow";
import type { Actor } from "@/domain/auth/actor";
import type { ContentLocale } from "@/i18n/settings";
import type { Db } from "../db/client";
import { syncMediaUses } from "../media/uses";
import { beginSearchSync } from "../search";
import { ReleaseError, type Result } from "./results";
import { audit, bumpVersion, inTransaction, loadForWrite, type Tx } from "./transaction";
import { releaseState, translationState } from "./state";
import { afterContentSaved } from "../workbench/hooks";

// Writes to a release's working copy. Each write: one transaction, version-checked, a revision
// per changed language, an audit event for every status change. Decisions come from the domain.

async function addRevision(tx: Tx, releaseId: string, locale: ContentLocale, c: StoredContent, authorId: string) {
  const last = await tx.revision.findFirst({
    where: { releaseId, locale },
    orderBy: { number: "desc" },
    select: { number: true, fingerprint: true, slug: true },
  });
  if (last && last.fingerprint === c.fingerprint && last.slug === c.slug) return null;
  return tx.revision.create({
    data: { releaseId, locale, number: (last?.number ?? 0) + 1, authorId, ...pickContent(c) },
  });
}

interface StoredContent {
  title: string;
  summary: string;
  body: string;
  bodyText: string;
  slug: string;
  fingerprint: string;
}

export function toStored(input: ContentInput): StoredContent {
  const body = JSON.stringify(parseDoc(input.body));
  return {
    title: input.title,
    summary: input.summary,
    body,
    bodyText: docToPlainText(parseDoc(body)),
    slug: input.slug,
    fingerprint: contentFingerprint({ title: input.title, summary: input.summary, body }),
  };
}

const pickContent = (c: StoredContent) => ({
  title: c.title,
  summary: c.summary,
  body: c.body,
  bodyText: c.bodyText,
  slug: c.slug,
  fingerprint: c.fingerprint,
});

export interface SaveOptions {
  /** en only: fingerprint of the zh version the translator worked from */
  sourceFingerprint?: string | null;
  /** zh only: category, release date and featured flag, saved in the same transaction */
  meta?: { categoryId: string | null; releaseDate: Date | null; featured?: boolean };
}

/** Saves one language of the working copy against `baseVersion`; returns the new version. */
export async function saveContent(
  db: Db,
  actor: Actor,
  releaseId: string,
  locale: ContentLocale,
  input: ContentInput,
  baseVersion: number,
  options: SaveOptions = {},
): Promise<Result<{ version: number; status: string }>> {
  return inTransaction(db, (tx) => saveContentIn(tx, actor, releaseId, locale, input, baseVersion, options));
}

/** saveContent inside the caller's transaction (a ReleaseError rolls it back). */
export async function saveContentIn(
  tx: Tx,
  actor: Actor,
  releaseId: string,
  locale: ContentLocale,
  input: ContentInput,
  baseVersion: number,
  options: SaveOptions = {},
) {
  const release = await loadForWrite(tx, releaseId);
  const syncSearch = await beginSearchSync(tx, releaseId);
  const state = releaseState(release);
  const stored = toStored(input);
  const existing = release.contents.find((c) => c.locale === locale);
  let source: { sourceFingerprint: string | null; sourceRevisionId: string | null } | undefined;
  if (locale === "en") {
    source = await resolveSource(tx, releaseId, state.originalFingerprint, existing, options.sourceFingerprint);
  } else if (!state.originalFingerprint && !existing) {
    throw new ReleaseError("original_missing");
  }
  const decision =
    locale === "zh"
      ? transition(state, { type: "editOriginal", newFingerprint: stored.fingerprint }, actor)
      : transition(
          state,
          {
            type: "editTranslation",
            translation: translationState({ ...stored, locale, sourceFingerprint: source!.sourceFingerprint })!,
          },
          actor,
        );
  if (!decision.ok) throw new ReleaseError(decision.code);
  const version = await bumpVersion(tx, releaseId, baseVersion, decision.next.status);
  await tx.releaseContent.upsert({
    where: { releaseId_locale: { releaseId, locale } },
    create: { releaseId, locale, ...pickContent(stored), ...source },
    update: { ...pickContent(stored), ...source },
  });
  if (locale === "zh" && options.meta) {
    const { categoryId, releaseDate, featured } = options.meta;
    await tx.release.update({
      where: { id: releaseId },
      data: { categoryId, releaseDate, featured: featured ?? false },
    });
  }
  await addRevision(tx, releaseId, locale, stored, actor.id);
  await syncSearch();
  await syncMediaUses(tx, releaseId);
  await afterContentSaved(tx, {
    releaseId,
    locale,
    actorId: actor.id,
    zhChanged: locale === "zh" && existing !== undefined && stored.fingerprint !== existing.fingerprint,
    englishExists: release.contents.some((c) => c.locale === "en"),
  });
  if (decision.next.status !== release.status) {
    await audit(tx, {
      actorId: actor.id,
      action: locale === "zh" ? "release.original_changed" : "release.translation_changed",
      releaseId,
      fromStatus: release.status,
      toStatus: decision.next.status,
    });
  }
  return { version, status: decision.next.status };
}

/**
 * The zh version an English save is based on. The form sends the zh fingerprint the translator
 * saw; only the current one or the one already recorded may be claimed.
 */
async function resolveSource(
  tx: Tx,
  releaseId: string,
  currentFingerprint: string,
  existing: { sourceFingerprint: string | null; sourceRevisionId: string | null } | undefined,
  claimed: string | null | undefined,
) {
  const fingerprint =
    claimed === currentFingerprint || !existing?.sourceFingerprint ? currentFingerprint : existing.sourceFingerprint;
  if (existing && fingerprint === existing.sourceFingerprint && existing.sourceRevisionId) {
    return { sourceFingerprint: fingerprint, sourceRevisionId: existing.sourceRevisionId };
  }
  const revision = await tx.revision.findFirst({
    where: { releaseId, locale: "zh", fingerprint },
    orderBy: { number: "desc" },
    select: { id: true },
  });
  return { sourceFingerprint: fingerprint, sourceRevisionId: revision?.id ?? null };
}
