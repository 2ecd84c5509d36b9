import { z } from "zod";

// The JSON export format, version 1 (docs/OPERATIONS.md). One object: accounts (with password
// hashes: the file is sensitive), categories, releases with their working copies, live snapshots
// and revisions, and the audit log. Ids are kept, so links between rows survive a move.
// Not exported: sessions and sign-in throttles (short-lived) and the search index (rebuilt).

export const EXPORT_FORMAT = "newsroom-export";
export const EXPORT_VERSION = 1;

const date = z.iso.datetime({ offset: true }).transform((v) => new Date(v));
const id = z.string().min(1).max(64);
const locale = z.enum(["zh", "en"]);

const userSchema = z.object({
  id,
  email: z.string().min(3).max(320),
  displayName: z.string().max(200),
  role: z.enum(["ADMIN", "EDITOR", "TRANSLATOR"]),
  passwordHash: z.string().min(1).max(500),
  locale,
  disabled: z.boolean(),
  createdAt: date,
  updatedAt: date,
});

const categorySchema = z.object({
  id,
  slug: z.string().min(1).max(100),
  nameZh: z.string(),
  nameEn: z.string(),
  position: z.number().int(),
});

const text = {
  title: z.string(),
  summary: z.string(),
  body: z.string(),
  bodyText: z.string(),
  slug: z.string().min(1),
};

const contentSchema = z.object({
  id,
  locale,
  ...text,
  fingerprint: z.string(),
  sourceFingerprint: z.string().nullable(),
  sourceRevisionId: z.string().nullable(),
  updatedAt: date,
});

const publicationSchema = z.object({
  id,
  locale,
  ...text,
  categoryId: id.nullable(),
  publishedAt: date,
  updatedAt: date,
});

const revisionSchema = z.object({
  id,
  locale,
  number: z.number().int().min(1),
  ...text,
  fingerprint: z.string(),
  authorId: id,
  createdAt: date,
});

const releaseSchema = z.object({
  id,
  status: z.enum(["DRAFT", "TRANSLATED", "PUBLISHED"]),
  categoryId: id.nullable(),
  releaseDate: date.nullable(),
  featured: z.boolean(),
  version: z.number().int().min(1),
  authorId: id,
  createdAt: date,
  updatedAt: date,
  contents: z.array(contentSchema),
  publications: z.array(publicationSchema),
  revisions: z.array(revisionSchema),
});

const auditEventSchema = z.object({
  id,
  actorId: id.nullable(),
  action: z.string().min(1),
  releaseId: id.nullable(),
  targetId: z.string().nullable(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  detail: z.string().nullable(),
  ip: z.string().nullable(),
  createdAt: date,
});

// Translator workbench (optional: exports made before it have none). The translation memory is not
// exported: the import rebuilds it from the live snapshots (docs/TRANSLATION.md).
const glossaryTermSchema = z.object({
  id,
  term: z.string().min(1).max(200),
  termKey: z.string().min(1).max(200),
  approved: z.string(),
  forbidden: z.string(),
  note: z.string(),
  category: z.string(),
  updatedById: id.nullable(),
  createdAt: date,
  updatedAt: date,
});

const settingSchema = z.object({ key: z.string().min(1).max(200), value: z.string(), updatedAt: date });

const assignmentSchema = z.object({
  id,
  releaseId: id,
  assigneeId: id,
  assignedById: id.nullable(),
  dueAt: date,
  note: z.string(),
  startedAt: date.nullable(),
  completedAt: date.nullable(),
  dueSoonNotifiedAt: date.nullable(),
  createdAt: date,
  updatedAt: date,
});

export const exportSchema = z
  .object({
    format: z.literal(EXPORT_FORMAT),
    version: z.literal(EXPORT_VERSION),
    exportedAt: date,
    users: z.array(userSchema),
    categories: z.array(categorySchema),
    releases: z.array(releaseSchema),
    auditEvents: z.array(auditEventSchema),
    glossary: z.array(glossaryTermSchema).default([]),
    settings: z.array(settingSchema).default([]),
    assignments: z.array(assignmentSchema).default([]),
  })
  .superRefine((data, ctx) => {
    // Dangling references would fail deep inside the import; name them here instead.
    const users = new Set(data.users.map((u) => u.id));
    const categories = new Set(data.categories.map((c) => c.id));
    const releases = new Set(data.releases.map((r) => r.id));
    const missing = (path: (string | number)[], what: string, value: string) =>
      ctx.addIssue({ code: "custom", path, message: `refers to a missing ${what} (${value})` });
    data.releases.forEach((r, i) => {
      if (!users.has(r.authorId)) missing(["releases", i, "authorId"], "user", r.authorId);
      if (r.categoryId && !categories.has(r.categoryId))
        missing(["releases", i, "categoryId"], "category", r.categoryId);
      r.revisions.forEach((rev, j) => {
        if (!users.has(rev.authorId)) missing(["releases", i, "revisions", j, "authorId"], "user", rev.authorId);
      });
    });
    data.assignments.forEach((a, i) => {
      if (!releases.has(a.releaseId)) missing(["assignments", i, "releaseId"], "release", a.releaseId);
      if (!users.has(a.assigneeId)) missing(["assignments", i, "assigneeId"], "user", a.assigneeId);
    });
    data.auditEvents.forEach((e, i) => {
      if (e.actorId && !users.has(e.actorId)) missing(["auditEvents", i, "actorId"], "user", e.actorId);
      if (e.releaseId && !releases.has(e.releaseId)) missing(["auditEvents", i, "releaseId"], "release", e.releaseId);
    });
  });

/** The export as parsed (dates as Date). */
export type NewsroomExport = z.output<typeof exportSchema>;
