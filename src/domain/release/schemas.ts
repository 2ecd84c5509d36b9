// Form schemas shared by server actions and client forms. Messages are i18n keys (validation.json).
import { z } from "zod";
import { textSchema, wellFormedJson } from "@/domain/text";
import { SLUG_MAX, SLUG_PATTERN, docSchema } from "./content";
import { checkDoc } from "./rich-text-schema";

export const TITLE_MAX = 200;
export const SUMMARY_MAX = 1000;
export const BODY_MAX_BYTES = 512 * 1024;

/**
 * The body: a tiptap document as JSON, within the size limit, that the editor's schema accepts
 * (rich-text-schema.ts). Refused documents carry `body_unsupported` with what and where in
 * `params`. Accepted ones come out re-serialized with every string well-formed.
 */
export const bodyJsonSchema = z
  .string()
  .max(BODY_MAX_BYTES, "body_too_large")
  .refine((s) => new TextEncoder().encode(s).length <= BODY_MAX_BYTES, "body_too_large")
  .transform((s, ctx) => {
    let json: unknown;
    try {
      json = JSON.parse(s);
    } catch {
      json = undefined;
    }
    const doc = docSchema.safeParse(json);
    if (!doc.success) {
      ctx.addIssue({ code: "custom", message: "body_invalid" });
      return z.NEVER;
    }
    const problem = checkDoc(doc.data);
    if (problem) {
      ctx.addIssue({ code: "custom", message: "body_unsupported", params: { ...problem } });
      return z.NEVER;
    }
    return wellFormedJson(doc.data);
  });

export const slugSchema = textSchema()
  .trim()
  .toLowerCase()
  .min(1, "slug_required")
  .max(SLUG_MAX, "slug_too_long")
  .regex(SLUG_PATTERN, "slug_format");

export const contentInputSchema = z.object({
  title: textSchema().trim().min(1, "title_required").max(TITLE_MAX, "title_too_long"),
  summary: textSchema().trim().max(SUMMARY_MAX, "summary_too_long").default(""),
  body: bodyJsonSchema,
  slug: slugSchema,
});

export type ContentInput = z.infer<typeof contentInputSchema>;

export const releaseMetaSchema = z.object({
  categoryId: textSchema()
    .max(64)
    .nullish()
    .transform((v) => v || null),
  releaseDate: textSchema()
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
