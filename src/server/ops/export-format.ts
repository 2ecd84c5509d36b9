import { z } from "zod";
import { ACCEPTED_MIME } from "@/domain/media/sniff";
import { isStorageKey } from "../media/store/types";

// The JSON export format, version 1 (docs/OPERATIONS.md). One object: accounts (with password
// hashes: the file is sensitive), categories, releases with their working copies, live snapshots
// and revisions, and the audit log. Ids are kept, so links between rows survive a move.
// Not exported: sessions and sign-in throttles (short-lived) and the search index (rebuilt).

export const EXPORT_FORMAT = "newsroom-export";
/** 2 adds media: the Media rows and the list of their files (the files themselves travel in a .tar). */
export const EXPORT_VERSION = 2;
export const READABLE_VERSIONS: readonly number[] = [1, 2];

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

const sha256 = z.string().regex(/^[a-f0-9]{64}$/, "must be a SHA-256 in hex");

const mediaSchema = z.object({
  id: z.string().regex(/^[a-f0-9]{24}$/, "must be a media id"),
  storageKey: z.string().regex(/^[a-f0-9]{2}\/[a-f0-9]{24}$/, "must be <2 hex>/<media id>"),
  mime: z.enum(ACCEPTED_MIME),
  bytes: z.number().int().min(0),
  width: z.number().int().min(1),
  height: z.number().int().min(1),
  sha256,
  altZh: z.string(),
  altEn: z.string(),
  uploaderId: id.nullable(),
  createdAt: date,
});

const mediaFileSchema = z.object({
  key: z.string().refine(isStorageKey, "must be a storage key"),
  size: z.number().int().min(0),
  sha256,
  contentType: z.string().min(1).max(100),
});
export type MediaFileEntry = z.infer<typeof mediaFileSchema>;

export const exportSchema = z
  .object({
    format: z.literal(EXPORT_FORMAT),
    version: z.union([z.literal(1), z.literal(2)]),
    exportedAt: date,
    users: z.array(userSchema),
    categories: z.array(categorySchema),
    releases: z.array(releaseSchema),
    auditEvents: z.array(auditEventSchema),
    media: z.array(mediaSchema).default([]),
    /** The files of `media` as they were stored (in a .tar export, each also as media/<key>). */
    mediaFiles: z.array(mediaFileSchema).default([]),
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
    data.media.forEach((m, i) => {
      if (m.uploaderId && !users.has(m.uploaderId)) missing(["media", i, "uploaderId"], "user", m.uploaderId);
      if (m.storageKey !== `${m.id.slice(0, 2)}/${m.id}`) {
        ctx.addIssue({ code: "custom", path: ["media", i, "storageKey"], message: "does not match the id" });
      }
    });
    const folders = new Set(data.media.map((m) => m.storageKey));
    data.mediaFiles.forEach((f, i) => {
      if (!folders.has(f.key.split("/").slice(0, 2).join("/"))) missing(["mediaFiles", i, "key"], "media", f.key);
    });
    data.auditEvents.forEach((e, i) => {
      if (e.actorId && !users.has(e.actorId)) missing(["auditEvents", i, "actorId"], "user", e.actorId);
      if (e.releaseId && !releases.has(e.releaseId)) missing(["auditEvents", i, "releaseId"], "release", e.releaseId);
    });
  });

/** The export as parsed (dates as Date). */
export type NewsroomExport = z.output<typeof exportSchema>;
