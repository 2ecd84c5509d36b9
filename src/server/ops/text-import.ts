import "server-only";
import type { ContentLocale } from "@/i18n/settings";
import { slugify } from "@/domain/release/content";
import { slugSchema } from "@/domain/release/schemas";
import type { Db } from "../db/client";
import type { Actor } from "../releases/transaction";
import { modifiedAt, readRelease, scanArchive, type Group, type Skipped } from "./text-archive";
import { usedSlugs, writeNewReleases } from "./text-import-batch";
import { importRelease, type Outcome, type ReleasePlan } from "./text-import-release";
import { catchUpSearchIndex, type SearchCatchUp } from "./text-import-search";

// Imports an archive of plain-text releases (docs/OPERATIONS.md "Text import"). New releases are
// written BATCH at a time in one transaction, with the rows the release operations would write
// (new-release-rows.ts); a release whose slug is already in use goes through the operations one by
// one: finished when an earlier, interrupted run made it from the same text, else skipped. The
// work per release does not depend on the size of the archive (lookups by unique keys only).

const BATCH = 100;

export interface TextImportOptions {
  actor: Actor;
  /** publish releases that have both languages (at `date`, else the Chinese file's mtime) */
  publish?: boolean;
  /** release date (and publication time with `publish`) */
  date?: Date;
  onProgress?: (done: number, total: number) => void;
  /** every release as it is done: imported now, finished now (resumed) or already there (unchanged) */
  onRelease?: (release: Imported) => void;
  /** every file skipped, with the reason */
  onSkip?: (skipped: Skipped) => void;
  /** the search index's rebuild at the end, when the import left many changes pending (releases) */
  onIndexProgress?: (done: number, total: number) => void;
}

export interface Imported {
  slug: string;
  languages: ContentLocale[];
  status: string;
  kind: "imported" | "resumed" | "unchanged";
}

export interface TextImportReport {
  imported: number;
  resumed: number;
  unchanged: number;
  skipped: Skipped[];
  /** how the search index was brought up to date at the end */
  search: SearchCatchUp;
}

export type { Skipped };

interface Planned {
  group: Group;
  plan: ReleasePlan;
}

export async function importTextArchive(db: Db, root: string, options: TextImportOptions): Promise<TextImportReport> {
  const report: TextImportReport = { imported: 0, resumed: 0, unchanged: 0, skipped: [], search: "current" };
  const skip = (s: Skipped) => {
    report.skipped.push(s);
    options.onSkip?.(s);
  };
  const scanned: Skipped[] = [];
  const groups = scanArchive(root, scanned);
  scanned.forEach(skip);
  const seen = new Set<string>();
  options.onProgress?.(0, groups.length);
  for (let i = 0; i < groups.length; i += BATCH) {
    const batch = groups.slice(i, i + BATCH).flatMap((g) => planGroup(root, g, seen, options, skip) ?? []);
    for (const { group, plan, outcome } of await importBatch(db, batch)) {
      if (outcome.kind === "skipped") {
        for (const file of [group.zh, group.en]) if (file) skip({ file, reason: outcome.reason });
        continue;
      }
      report[outcome.kind] += 1;
      options.onRelease?.({
        slug: plan.slug,
        languages: outcome.languages,
        status: outcome.status,
        kind: outcome.kind,
      });
    }
    options.onProgress?.(Math.min(i + BATCH, groups.length), groups.length);
  }
  report.search = await catchUpSearchIndex(db, options.onIndexProgress);
  return report;
}

/** New releases together in one transaction; the others (slug in use), or all if that fails, one by one. */
async function importBatch(db: Db, batch: Planned[]): Promise<(Planned & { outcome: Outcome })[]> {
  const used = batch.length
    ? await usedSlugs(
        db,
        batch.map((p) => p.plan.slug),
      )
    : new Set<string>();
  const fresh = batch.filter((p) => !used.has(p.plan.slug));
  const written = fresh.length
    ? await writeNewReleases(
        db,
        fresh.map((p) => p.plan),
      )
    : null;
  const out: (Planned & { outcome: Outcome })[] = [];
  for (const p of batch) {
    const index = written?.ok ? fresh.indexOf(p) : -1;
    const outcome: Outcome =
      index >= 0 && written?.ok ? { kind: "imported", ...written.value[index]! } : await importRelease(db, p.plan);
    out.push({ ...p, outcome });
  }
  return out;
}

/** Reads and checks a group's files; null (with the files reported) when it cannot be imported. */
function planGroup(
  root: string,
  group: Group,
  seen: Set<string>,
  options: TextImportOptions,
  skip: (s: Skipped) => void,
): Planned | null {
  const skipGroup = (reason: string) => {
    for (const file of [group.zh, group.en]) if (file) skip({ file, reason });
    return null;
  };
  if (!group.zh) return skipGroup(`English translation without a Chinese original (${group.base}.zh.txt)`);
  const slug = slugSchema.safeParse(slugify(group.base));
  if (!slug.success) return skipGroup("the file name gives no valid slug (use Latin letters, digits and hyphens)");
  if (seen.has(slug.data)) return skipGroup(`duplicate slug "${slug.data}"`);
  seen.add(slug.data);
  const zh = readRelease(root, group.zh, slug.data);
  if (!zh.ok) {
    skip({ file: group.zh, reason: zh.reason });
    if (group.en) skip({ file: group.en, reason: "its Chinese original was skipped" });
    return null;
  }
  const en = group.en ? readRelease(root, group.en, slug.data) : undefined;
  if (group.en && en && !en.ok) skip({ file: group.en, reason: en.reason });
  const when = options.date ?? modifiedAt(root, group.zh);
  const publish = Boolean(options.publish && en?.ok);
  const plan: ReleasePlan = {
    slug: slug.data,
    zh: zh.input,
    en: en?.ok ? en.input : undefined,
    publishAt: publish ? when : undefined,
    releaseDate: options.date ?? (publish ? when : null),
    actor: options.actor,
  };
  return { group, plan };
}
