import { z } from "zod";
import { contactSchema, parseContacts } from "@/domain/contacts/contact";
import { KIT_ID, kitTextSchema, parseKit } from "@/domain/presskit/kit";
import { ACCEPTED_MIME } from "@/domain/media/sniff";
import { DOCUMENT_TYPES } from "@/domain/presskit/sniff-document";
import { FILE_NAME_MAX } from "@/domain/presskit/file-name";

// The press kit's part of the export (docs/PRESS-KIT.md), version 3: the contacts address book,
// the contacts each release names, each publication's snapshot of them; the press-kit files
// (their bytes travel with the media files) and each publication's snapshot of its kit. Checked as strictly
// as the admin forms check them. Optional: older exports have none.

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "must be 1-64 letters, digits, - or _");
const date = z.iso.datetime({ offset: true }).transform((v) => new Date(v));

export const pressContactSchema = contactSchema.extend({ id, createdAt: date, updatedAt: date });

export const releaseContactSchema = z.object({ contactId: id, position: z.number().int().min(0).max(1000) });

/** A publication's contacts snapshot: JSON text that reads back as contacts. */
export const contactsSnapshotSchema = z
  .string()
  .max(20_000)
  .refine((v) => {
    try {
      const parsed = JSON.parse(v) as unknown;
      return Array.isArray(parsed) && parseContacts(v).length === parsed.length;
    } catch {
      return false;
    }
  }, "must be a JSON list of contacts (name, title, phone, email)");

/** A publication's press-kit snapshot: JSON text that reads back as press-kit files. */
export const kitSnapshotSchema = z
  .string()
  .max(200_000)
  .refine((v) => {
    try {
      const parsed = JSON.parse(v) as unknown;
      return Array.isArray(parsed) && parseKit(v).length === parsed.length;
    } catch {
      return false;
    }
  }, "must be a JSON list of press-kit files");

const kitId = z.string().regex(KIT_ID, "must be a press kit file id");
export const releaseFileSchema = kitTextSchema
  .extend({
    id: kitId,
    releaseId: id,
    kind: z.enum(["document", "photo"]),
    position: z.number().int().min(0).max(1_000_000),
    storageKey: z.string().regex(/^kit\/[a-f0-9]{2}\/[a-f0-9]{24}$/, "must be kit/<2 hex>/<id>"),
    fileName: z
      .string()
      .min(1)
      .max(FILE_NAME_MAX)
      .regex(/^[^\p{C}\\/:*?"<>|;,%]+$/u, "must be a safe file name"),
    mime: z.enum([...ACCEPTED_MIME, ...(Object.keys(DOCUMENT_TYPES) as (keyof typeof DOCUMENT_TYPES)[])]),
    bytes: z.number().int().min(0),
    sha256: z.string().regex(/^[a-f0-9]{64}$/, "must be a SHA-256 in hex"),
    width: z.number().int().min(0),
    height: z.number().int().min(0),
    uploaderId: id.nullable(),
    createdAt: date,
    removedAt: date.nullable(),
  })
  .refine((f) => f.storageKey === `kit/${f.id.slice(0, 2)}/${f.id}`, {
    message: "does not match the id",
    path: ["storageKey"],
  });
