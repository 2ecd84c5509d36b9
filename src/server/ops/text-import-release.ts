import "server-only";
import type { ContentLocale } from "@/i18n/settings";
import type { ContentInput } from "@/domain/release/schemas";
import type { Db } from "../db/client";
import { createReleaseIn, runWorkflowIn } from "../releases/lifecycle";
import { inTransaction, type Actor, type Tx } from "../releases/transaction";
import { saveContentIn, toStored } from "../releases/write";

// One release of a text archive, in one transaction through the normal release operations
// (revisions, audit, search index, public counts): created, translated, marked translated and
// published, or nothing at all. A release already imported from the same Chinese text (an earlier,
// interrupted run) is recognised by its slug and content fingerprint and only finished.

export interface ReleasePlan {
  slug: string;
  zh: ContentInput;
  en?: ContentInput;
  /** publish at this time (both languages needed) */
  publishAt?: Date;
  releaseDate: Date | null;
  actor: Actor;
}

export type Outcome =
  | { kind: "imported" | "resumed" | "unchanged"; languages: ContentLocale[]; status: string }
  | { kind: "skipped"; reason: string };

interface Existing {
  id: string;
  status: string;
  version: number;
  contents: { locale: string }[];
}

/** The release this archive imported under `slug` before; "taken" when the slug belongs to other content. */
async function previous(db: Db, plan: ReleasePlan): Promise<Existing | "taken" | null> {
  const { slug } = plan;
  const release = { select: { id: true, status: true, version: true, contents: { select: { locale: true } } } };
  const [zh, en, liveZh, liveEn] = await Promise.all([
    db.releaseContent.findUnique({
      where: { locale_slug: { locale: "zh", slug } },
      select: { fingerprint: true, release },
    }),
    db.releaseContent.findUnique({ where: { locale_slug: { locale: "en", slug } }, select: { releaseId: true } }),
    db.publication.findUnique({ where: { locale_slug: { locale: "zh", slug } }, select: { releaseId: true } }),
    db.publication.findUnique({ where: { locale_slug: { locale: "en", slug } }, select: { releaseId: true } }),
  ]);
  if ([en, liveZh, liveEn].some((row) => row && row.releaseId !== zh?.release.id)) return "taken";
  if (!zh) return null;
  return zh.fingerprint === toStored(plan.zh).fingerprint ? zh.release : "taken";
}

/** The steps still missing to reach what the plan asks for; returns the new state and whether anything changed. */
async function finish(tx: Tx, plan: ReleasePlan, release: Existing) {
  const { actor } = plan;
  let { version, status } = release;
  let changed = false;
  const hasEn = release.contents.some((c) => c.locale === "en");
  if (plan.en && !hasEn) {
    ({ version, status } = await saveContentIn(tx, actor, release.id, "en", plan.en, version));
    changed = true;
  }
  if (plan.publishAt && (hasEn || plan.en)) {
    if (status === "DRAFT")
      ({ version, status } = await runWorkflowIn(tx, actor, release.id, { type: "markTranslated" }, version));
    if (status === "TRANSLATED") {
      ({ status } = await runWorkflowIn(tx, actor, release.id, { type: "publish", at: plan.publishAt }, version));
      changed = true;
    }
  }
  const languages: ContentLocale[] = hasEn || plan.en ? ["zh", "en"] : ["zh"];
  return { status, languages, changed };
}

/** True when the release already is what the plan asks for (a re-run over a finished import). */
function complete(plan: ReleasePlan, release: Existing): boolean {
  const hasEn = release.contents.some((c) => c.locale === "en");
  if (plan.en && !hasEn) return false;
  return !plan.publishAt || !(hasEn || plan.en) || release.status === "PUBLISHED";
}

export async function importRelease(db: Db, plan: ReleasePlan): Promise<Outcome> {
  const before = await previous(db, plan);
  if (before === "taken") return { kind: "skipped", reason: `duplicate slug "${plan.slug}"` };
  if (before && complete(plan, before)) {
    const languages = before.contents
      .map((c) => c.locale as ContentLocale)
      .sort()
      .reverse();
    return { kind: "unchanged", languages, status: before.status };
  }
  const result = await inTransaction(db, async (tx) => {
    const meta = { categoryId: null, releaseDate: plan.releaseDate };
    const release = before ?? {
      ...(await createReleaseIn(tx, plan.actor, plan.zh, meta)),
      status: "DRAFT",
      contents: [{ locale: "zh" }],
    };
    return { ...(await finish(tx, plan, release)), created: !before };
  });
  if (!result.ok) return { kind: "skipped", reason: `refused: ${result.code}` };
  const { status, languages, changed, created } = result.value;
  return { kind: created ? "imported" : changed ? "resumed" : "unchanged", languages, status };
}
