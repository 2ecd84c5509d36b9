import "server-only";
import { slugify } from "@/domain/release/content";
import { slugSchema } from "@/domain/release/schemas";
import type { Db } from "../db/client";
import type { Actor } from "../releases/write";
import { modifiedAt, readRelease, scanArchive, type Group, type Skipped } from "./text-archive";
import { importRelease, type Outcome } from "./text-import-release";

// Imports an archive of plain-text releases (docs/OPERATIONS.md "Text import"). Each release goes
// through the normal release operations in one transaction; with `publish` it is published when
// both languages are there. Per-release work does not depend on the size of the archive (lookups
// by unique keys only), and a second run finishes what an interrupted one left, never duplicating.

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
}

export interface Imported {
  slug: string;
  languages: ("zh" | "en")[];
  status: string;
  kind: "imported" | "resumed" | "unchanged";
}

export interface TextImportReport {
  imported: number;
  resumed: number;
  unchanged: number;
  skipped: Skipped[];
}

export type { Skipped };

export async function importTextArchive(db: Db, root: string, options: TextImportOptions): Promise<TextImportReport> {
  const report: TextImportReport = { imported: 0, resumed: 0, unchanged: 0, skipped: [] };
  const skip = (s: Skipped) => {
    report.skipped.push(s);
    options.onSkip?.(s);
  };
  const scanned: Skipped[] = [];
  const groups = scanArchive(root, scanned);
  scanned.forEach(skip);
  const seen = new Set<string>();
  options.onProgress?.(0, groups.length);
  for (const [i, group] of groups.entries()) {
    const outcome = await importGroup(db, root, group, seen, options, skip);
    if (outcome && outcome.kind !== "skipped") {
      report[outcome.kind] += 1;
      options.onRelease?.({
        slug: outcome.slug,
        languages: outcome.languages,
        status: outcome.status,
        kind: outcome.kind,
      });
    }
    options.onProgress?.(i + 1, groups.length);
  }
  return report;
}

async function importGroup(
  db: Db,
  root: string,
  group: Group,
  seen: Set<string>,
  options: TextImportOptions,
  skip: (s: Skipped) => void,
): Promise<(Outcome & { slug: string }) | null> {
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
  const outcome = await importRelease(db, {
    slug: slug.data,
    zh: zh.input,
    en: en?.ok ? en.input : undefined,
    publishAt: publish ? when : undefined,
    releaseDate: options.date ?? (publish ? when : null),
    actor: options.actor,
  });
  if (outcome.kind === "skipped") return skipGroup(outcome.reason);
  return { ...outcome, slug: slug.data };
}
