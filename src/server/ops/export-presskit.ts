import { z } from "zod";
import { contactSchema, parseContacts } from "@/domain/contacts/contact";

// The press kit's part of the export (docs/PRESS-KIT.md), version 3: the contacts address book,
// the contacts each release names, and each publication's snapshot of them. Checked as strictly
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
