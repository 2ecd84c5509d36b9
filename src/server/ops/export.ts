import "server-only";
import { docToPlainText, parseDoc } from "@/domain/release/content";
import type { Db } from "../db/client";
import { rebuildMediaUses } from "../media/uses";
import { reindexSearch } from "../search";
import { rebuildPublicCounts } from "../releases/public-counts";
import { EXPORT_FORMAT, EXPORT_VERSION, READABLE_VERSIONS, exportSchema, type NewsroomExport } from "./export-format";
import { ensureTranslationMemory } from "../tm/rebuild";
import { OpsError } from "./errors";

// Whole-database export to JSON and import into an empty database, on either engine.
// Rows are ordered by id (and revision number) so two exports of the same data are identical.

const byId = { orderBy: { id: "asc" as const } };

/** Rows of one release, without the releaseId (the release holds them), in their query order. */
function groupBy<T extends { releaseId: string }>(rows: T[]): Map<string, Omit<T, "releaseId">[]> {
  const map = new Map<string, Omit<T, "releaseId">[]>();
  for (const { releaseId, ...row } of rows) {
    const list = map.get(releaseId) ?? [];
    list.push(row);
    map.set(releaseId, list);
  }
  return map;
}

export async function exportContent(db: Db, now = new Date()) {
  // One read transaction: a consistent picture even while editors keep working.
  return db.$transaction(
    async (tx) => {
      // Sequential and without nested includes: a transaction is one connection, and PostgreSQL's
      // driver warns about (and pg 9 will refuse) the overlapping queries Prisma issues for includes.
      const users = await tx.user.findMany(byId);
      const categories = await tx.category.findMany(byId);
      const releases = await tx.release.findMany(byId);
      const contents = groupBy(
        await tx.releaseContent.findMany({ orderBy: [{ releaseId: "asc" }, { locale: "asc" }] }),
      );
      const publications = groupBy(
        await tx.publication.findMany({ orderBy: [{ releaseId: "asc" }, { locale: "asc" }] }),
      );
      const revisions = groupBy(
        await tx.revision.findMany({ orderBy: [{ releaseId: "asc" }, { locale: "asc" }, { number: "asc" }] }),
      );
      const auditEvents = await tx.auditEvent.findMany({ orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
      const media = await tx.media.findMany(byId);
      const glossary = await tx.glossaryTerm.findMany(byId);
      // Settings the app rebuilds itself (the memory's stop bigrams, the glossary's cache version) stay out.
      const settings = await tx.appSetting.findMany({
        where: { key: { startsWith: "workbench." } },
        orderBy: { key: "asc" },
      });
      const assignments = await tx.translationAssignment.findMany(byId);
      const pressContacts = await tx.pressContact.findMany(byId);
      const releaseFiles = await tx.releaseFile.findMany(byId);
      const releaseContacts = groupBy(
        await tx.releaseContact.findMany({ orderBy: [{ releaseId: "asc" }, { position: "asc" }] }),
      );
      return {
        format: EXPORT_FORMAT,
        version: EXPORT_VERSION,
        exportedAt: now.toISOString(),
        users,
        categories,
        releases: releases.map((release) => ({
          ...release,
          contents: contents.get(release.id) ?? [],
          publications: publications.get(release.id) ?? [],
          revisions: revisions.get(release.id) ?? [],
          contacts: releaseContacts.get(release.id) ?? [],
        })),
        auditEvents,
        media,
        /** filled in by the archive writer from the media store (ops/media-archive.ts) */
        mediaFiles: [] as { key: string; size: number; sha256: string; contentType: string }[],
        glossary,
        settings,
        assignments,
        pressContacts,
        releaseFiles,
      };
    },
    { timeout: 10 * 60_000, maxWait: 30_000 },
  );
}

const RECORD_NAMES: Record<string, string> = {
  users: "user",
  categories: "category",
  releases: "release",
  contents: "working copy",
  publications: "publication",
  revisions: "revision",
  auditEvents: "audit event",
};

/** "release ck… → working copy en → body" for a path into the file, so an error names its record. */
export function describePath(json: unknown, path: readonly PropertyKey[]): string {
  const parts: string[] = [];
  let node: unknown = json;
  for (let i = 0; i < path.length; i++) {
    const key = path[i]!;
    const next = (node as Record<PropertyKey, unknown> | null)?.[key];
    if (typeof key === "number" && typeof path[i - 1] === "string" && RECORD_NAMES[path[i - 1] as string]) {
      parts.pop();
      const record = (next ?? {}) as { id?: unknown; locale?: unknown; number?: unknown };
      // Parts of a release are also named by language (and revision number).
      const part = !["users", "categories", "releases", "auditEvents"].includes(path[i - 1] as string);
      const name = [
        typeof record.id === "string" ? record.id : `#${key + 1}`,
        part && record.locale,
        part && record.number,
      ]
        .filter((v) => typeof v === "string" || typeof v === "number")
        .join(" ");
      parts.push(`${RECORD_NAMES[path[i - 1] as string]} ${name}`);
    } else parts.push(String(key));
    node = next;
  }
  return parts.join(" → ") || "(root)";
}

/** Parses and validates an export (text); an OpsError names the first problems and their records. */
export function parseExport(text: string): NewsroomExport {
  let json: unknown;
  try {
    // Lone UTF-16 surrogates are not text a database accepts: made well-formed like every input.
    json = JSON.parse(text, (_key, value: unknown) => (typeof value === "string" ? value.toWellFormed() : value));
  } catch (error) {
    throw new OpsError(`Not a JSON file (${(error as Error).message}).`);
  }
  const head = json as { format?: unknown; version?: unknown } | null;
  if (head?.format !== EXPORT_FORMAT) throw new OpsError(`Not a Newsroom export (format must be "${EXPORT_FORMAT}").`);
  if (typeof head.version !== "number" || !READABLE_VERSIONS.includes(head.version)) {
    throw new OpsError(
      `Unsupported export version ${String(head.version)}; this version reads versions ${READABLE_VERSIONS.join(" and ")}.`,
    );
  }
  const parsed = exportSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((i) => `${describePath(json, i.path)}: ${i.message}`);
    const more = parsed.error.issues.length > 5 ? ` (and ${parsed.error.issues.length - 5} more)` : "";
    throw new OpsError(`Invalid export, nothing was imported: ${issues.join("; ")}${more}`);
  }
  return parsed.data;
}

export interface ImportReport {
  users: number;
  media: number;
  categories: number;
  releases: number;
  revisions: number;
  auditEvents: number;
  searchDocuments: number;
}

const CHUNK = 500;
async function insertChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

export async function assertEmpty(db: Db) {
  const counts = [
    await db.user.count(),
    await db.category.count(),
    await db.release.count(),
    await db.auditEvent.count(),
    await db.media.count(),
    await db.pressContact.count(),
  ];
  if (counts.some((n) => n > 0)) {
    throw new OpsError(
      "The database is not empty: import only into a new database (create it with `npm run db:migrate`, before the first `npm start`).",
    );
  }
}

/**
 * Imports an export into an empty database in one transaction, then records media uses and rebuilds
 * the search index. Media files are put into the store before (ops/media-archive.ts).
 */
export async function importContent(db: Db, data: NewsroomExport): Promise<ImportReport> {
  await assertEmpty(db);
  const releases = data.releases;
  // The plain text is derived from the body, as every save derives it: never trusted from the file.
  const derived = <T extends { body: string }>(row: T, releaseId: string) => ({
    ...row,
    bodyText: docToPlainText(parseDoc(row.body)),
    releaseId,
  });
  const contents = releases.flatMap((r) => r.contents.map((c) => derived(c, r.id)));
  const publications = releases.flatMap((r) =>
    r.publications.map((p) => ({ ...derived(p, r.id), featured: p.featured ?? r.featured })),
  );
  const revisions = releases.flatMap((r) => r.revisions.map((v) => derived(v, r.id)));
  try {
    await db.$transaction(
      async (tx) => {
        await assertEmpty(tx as Db); // a concurrent import or first start may have won the race
        await insertChunks(data.users, (chunk) => tx.user.createMany({ data: chunk }));
        await insertChunks(data.categories, (chunk) => tx.category.createMany({ data: chunk }));
        await insertChunks(data.media, (chunk) => tx.media.createMany({ data: chunk }));
        await insertChunks(data.pressContacts, (chunk) => tx.pressContact.createMany({ data: chunk }));
        await insertChunks(
          releases.map(({ contents: _c, publications: _p, revisions: _r, contacts: _n, ...r }) => r),
          (chunk) => tx.release.createMany({ data: chunk }),
        );
        await insertChunks(contents, (chunk) => tx.releaseContent.createMany({ data: chunk }));
        await insertChunks(publications, (chunk) => tx.publication.createMany({ data: chunk }));
        await insertChunks(revisions, (chunk) => tx.revision.createMany({ data: chunk }));
        const named = releases.flatMap((r) => r.contacts.map((c) => ({ ...c, releaseId: r.id })));
        await insertChunks(named, (chunk) => tx.releaseContact.createMany({ data: chunk }));
        await insertChunks(data.releaseFiles, (chunk) => tx.releaseFile.createMany({ data: chunk }));
        await insertChunks(data.auditEvents, (chunk) => tx.auditEvent.createMany({ data: chunk }));
        await insertChunks(data.glossary, (chunk) => tx.glossaryTerm.createMany({ data: chunk }));
        await insertChunks(data.settings, (chunk) => tx.appSetting.createMany({ data: chunk }));
        await insertChunks(data.assignments, (chunk) => tx.translationAssignment.createMany({ data: chunk }));
      },
      { timeout: 30 * 60_000, maxWait: 30_000 },
    );
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") {
      const target = (error as { meta?: { target?: unknown } }).meta?.target;
      throw new OpsError(
        `Invalid export: duplicate values where they must be unique (${JSON.stringify(target ?? "?")}); nothing was imported.`,
      );
    }
    throw error;
  }
  await rebuildPublicCounts(db);
  await rebuildMediaUses(db);
  const { documents } = await reindexSearch(db);
  await ensureTranslationMemory(db);
  return {
    users: data.users.length,
    media: data.media.length,
    categories: data.categories.length,
    releases: releases.length,
    revisions: revisions.length,
    auditEvents: data.auditEvents.length,
    searchDocuments: documents,
  };
}
