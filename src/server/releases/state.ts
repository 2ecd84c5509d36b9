import "server-only";
import type { ReleaseState, Status, TranslationState } from "@/domain/release/workflow";

// Turns stored rows into the pure domain's view of a release.

interface ContentRow {
  locale: string;
  title: string;
  summary: string;
  body: string;
  bodyText: string;
  slug: string;
  fingerprint: string;
  sourceFingerprint: string | null;
}

export function translationState(en: ContentRow | undefined): TranslationState | null {
  if (!en) return null;
  const complete = Boolean(en.title.trim() && en.summary.trim() && en.bodyText.trim() && en.slug);
  return { complete, sourceFingerprint: en.sourceFingerprint };
}

export function releaseState(release: { status: string; contents: ContentRow[] }): ReleaseState {
  const zh = release.contents.find((c) => c.locale === "zh");
  const en = release.contents.find((c) => c.locale === "en");
  return {
    status: release.status as Status,
    originalFingerprint: zh?.fingerprint ?? "",
    translation: translationState(en),
  };
}
