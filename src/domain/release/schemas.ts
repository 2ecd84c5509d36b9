// Form schemas shared by server actions and client forms. Messages are i18n keys (validation.json).
import { z } from "zod";
import { SLUG_MAX, SLUG_PATTERN, docSchema } from "./content";

export const TITLE_MAX = 200;
export const SUMMARY_MAX = 1000;
export const BODY_MAX_BYTES = 512 * 1024;

const bodyJson = z
  .string()
  .max(BODY_MAX_BYTES, "body_too_large")
  .refine((s) => new TextEncoder().encode(s).length <= BODY_MAX_BYTES, "body_too_large")
  .refine((s) => {
    try {
      return docSchema.safeParse(JSON.parse(s)).success;
    } catch {
      return false;
    }
  }, "body_invalid");

export const slugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "slug_required")
  .max(SLUG_MAX, "slug_too_long")
  .regex(SLUG_PATTERN, "slug_format");

export const contentInputSchema = z.object({
  title: z.string().trim().min(1, "title_required").max(TITLE_MAX, "title_too_long"),
  summary: z.string().trim().max(SUMMARY_MAX, "summary_too_long").default(""),
  body: bodyJson,
  slug: slugSchema,
});

export type ContentInput = z.infer<typeof contentInputSchema>;

export const releaseMetaSchema = z.object({
  categoryId: z
    .string()
    .max(64)
    .nullish()
    .transform((v) => v || null),
  releaseDate: z
    .string()
    .trim()
    .max(40)
    .optional()
    .transform((v, ctx) => {
      if (!v) return null;
      const d = new Date(v);
      if (Number.isNaN(d.getTime()) || d.getUTCFullYear() < 1900 || d.getUTCFullYear() > 2200) {
        ctx.addIssue({ code: "custom", message: "date_invalid" });
        return z.NEVER;
      }
      return d;
    }),
});

export const baseVersionSchema = z.coerce.number().int().min(1, "version_invalid");
