import { z } from "zod";
import { emailSchema } from "@/domain/auth/schemas";
import { SLUG_MAX, SLUG_PATTERN } from "@/domain/release/content";
import { BODY_MAX_BYTES, SUMMARY_MAX, TITLE_MAX, bodyJsonSchema } from "@/domain/release/schemas";
import { isCurrentHash } from "../auth/password";
import { ACCEPTED_MIME } from "@/domain/media/sniff";
import { isStorageKey } from "../media/store/types";
import {
  contactsSnapshotSchema,
  kitSnapshotSchema,
  pressContactSchema,
  releaseContactSchema,
  releaseFileSchema,
} from "./export-presskit";

// The JSON export format, version 1 (docs/OPERATIONS.md). One object: accounts (with password
// hashes: the file is sensitive), categories, releases with their working copies, live snapshots
// and revisions, and the audit log. Ids are kept, so links between rows survive a move.
// Not exported: sessions and sign-in throttles (short-lived) and the search index (rebuilt).

export const EXPORT_FORMAT = "newsroom-export";
/**
 * 2 adds media: the Media rows and the list of their files (the files themselves travel in a .tar).
 * 3 adds the press kit (docs/PRESS-KIT.md): press contacts, press-kit files (their bytes listed in mediaFiles).
 */
export const EXPORT_VERSION = 3;
export const READABLE_VERSIONS: readonly number[] = [1, 2, 3];

// Every field is checked as strictly as the app's own forms check it: an import must not be a way
// around them (docs/OPERATIONS.md "Import"). Strings are bounded, slugs and emails well-formed,
// bodies valid for the editor's schema (rich-text-schema.ts), password hashes made with exactly the
// app's scrypt parameters.
const date = z.iso.datetime({ offset: true }).transform((v) => new Date(v));
const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "must be 1-64 letters, digits, - or _");
const locale = z.enum(["zh", "en"]);
const bounded = (max: number) => z.string().max(max, `must be at most ${max} characters`);
const required = (max: number) => bounded(max).refine((v) => v.trim().length > 0, "must not be empty");
const slug = z.string().max(SLUG_MAX, `must be at most ${SLUG_MAX} characters`).regex(SLUG_PATTERN, "must be a slug");
const fingerprint = z.string().regex(/^[a-f0-9]{64}$/, "must be a SHA-256 hex digest");
const status = z.enum(["DRAFT", "TRANSLATED", "PUBLISHED"]);
const count = z.number().int().min(1).max(1_000_000_000);
const body = z.string().transform((value, ctx) => {
  const parsed = bodyJsonSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const where =
    issue.code === "custom" && issue.params
      ? ` (${String(issue.params.item)} in block ${String(issue.params.block)})`
      : "";
  ctx.addIssue({ code: "custom", message: `${BODY_ERRORS[issue.message] ?? issue.message}${where}` });
  return z.NEVER;
});
const BODY_ERRORS: Record<string, string> = {
  body_too_large: "body is larger than 512 KB",
  body_invalid: "body is not a tiptap document",
  body_unsupported: "body holds content the editor does not support",
};

const userSchema = z.object({
  id,
  email: z
    .string()
    .max(254)
    .refine((v) => emailSchema.safeParse(v).data === v, "must be a valid lower-case email address"),
  displayName: required(100),
  role: z.enum(["ADMIN", "EDITOR", "TRANSLATOR"]),
  passwordHash: z
    .string()
    .max(300)
    .refine(isCurrentHash, "is not a scrypt hash with this app's parameters (scrypt$32768$8$1$salt$hash)"),
  locale,
  disabled: z.boolean(),
  createdAt: date,
  updatedAt: date,
});

const categorySchema = z.object({
  id,
  slug,
  nameZh: required(200),
  nameEn: required(200),
  position: z.number().int().min(-1_000_000).max(1_000_000),
});

const text = {
  title: required(TITLE_MAX),
  summary: bounded(SUMMARY_MAX),
  body,
  // Derived from the body on import (it is what search, diffs and the translator's panel read).
  bodyText: bounded(BODY_MAX_BYTES),
  slug,
};

const contentSchema = z.object({
  id,
  locale,
  ...text,
  fingerprint,
  sourceFingerprint: fingerprint.nullable(),
  sourceRevisionId: id.nullable(),
  updatedAt: date,
});

const publicationSchema = z.object({
  id,
  locale,
  ...text,
  categoryId: id.nullable(),
  /** since 2026-12; older exports take the release's flag */
  featured: z.boolean().optional(),
  /** since version 3 */
  contacts: contactsSnapshotSchema.default("[]"),
  presskit: kitSnapshotSchema.default("[]"),
  publishedAt: date,
  updatedAt: date,
});

const revisionSchema = z.object({
  id,
  locale,
  number: count,
  ...text,
  fingerprint,
  authorId: id,
  createdAt: date,
});

const releaseSchema = z.object({
  id,
  status,
  categoryId: id.nullable(),
  releaseDate: date.nullable(),
  featured: z.boolean(),
  version: count,
  authorId: id,
  createdAt: date,
  updatedAt: date,
  contents: z.array(contentSchema).max(2),
  publications: z.array(publicationSchema).max(2),
  revisions: z.array(revisionSchema),
  /** since version 3: the press contacts the working copy names */
  contacts: z.array(releaseContactSchema).max(100).default([]),
});

const auditEventSchema = z.object({
  id,
  actorId: id.nullable(),
  action: required(100),
  releaseId: id.nullable(),
  targetId: bounded(64).nullable(),
  fromStatus: bounded(40).nullable(),
  toStatus: bounded(40).nullable(),
  detail: bounded(10_000).nullable(),
  ip: bounded(64).nullable(),
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
    version: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    exportedAt: date,
    users: z.array(userSchema),
    categories: z.array(categorySchema),
    releases: z.array(releaseSchema),
    auditEvents: z.array(auditEventSchema),
    media: z.array(mediaSchema).default([]),
    /** The files of `media` as they were stored (in a .tar export, each also as media/<key>). */
    mediaFiles: z.array(mediaFileSchema).default([]),
    glossary: z.array(glossaryTermSchema).default([]),
    settings: z.array(settingSchema).default([]),
    assignments: z.array(assignmentSchema).default([]),
    pressContacts: z.array(pressContactSchema).default([]),
    releaseFiles: z.array(releaseFileSchema).default([]),
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
    const folders = new Set([...data.media, ...data.releaseFiles].map((m) => m.storageKey));
    data.mediaFiles.forEach((f, i) => {
      const folder = f.key
        .split("/")
        .slice(0, f.key.startsWith("kit/") ? 3 : 2)
        .join("/");
      if (!folders.has(folder)) missing(["mediaFiles", i, "key"], "media", f.key);
    });
    data.releaseFiles.forEach((f, i) => {
      if (!releases.has(f.releaseId)) missing(["releaseFiles", i, "releaseId"], "release", f.releaseId);
      if (f.uploaderId && !users.has(f.uploaderId)) missing(["releaseFiles", i, "uploaderId"], "user", f.uploaderId);
    });
    const contacts = new Set(data.pressContacts.map((c) => c.id));
    data.releases.forEach((r, i) =>
      r.contacts.forEach((c, j) => {
        if (!contacts.has(c.contactId))
          missing(["releases", i, "contacts", j, "contactId"], "press contact", c.contactId);
      }),
    );
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
