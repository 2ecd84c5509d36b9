// The glossary entry form and CSV rows share one schema; messages are i18n keys (validation.json).
import { z } from "zod";
import { isCjk } from "../search/text";
import { sameRendering } from "./terms";

export const TERM_MAX = 60;
export const RENDERING_MAX = 200;
export const MAX_RENDERINGS = 10;
export const NOTE_MAX = 1000;
export const CATEGORY_MAX = 60;

/** One rendering per line (the form) or separated by "|" (CSV); blanks and repeats dropped. */
export function splitList(value: string): string[] {
  const seen = new Set<string>();
  return value
    .split(/\r?\n|\|/)
    .map((s) => s.replace(/\s+/g, " ").trim())
    .filter((s) => s && !seen.has(s.toLowerCase()) && seen.add(s.toLowerCase()));
}

const list = (required: boolean) =>
  z
    .string()
    .max(MAX_RENDERINGS * (RENDERING_MAX + 2), "glossary_rendering_too_long")
    .transform(splitList)
    .pipe(
      z
        .array(z.string().max(RENDERING_MAX, "glossary_rendering_too_long"))
        .max(MAX_RENDERINGS, "glossary_too_many_renderings")
        .min(required ? 1 : 0, "glossary_approved_required"),
    );

export const glossaryTermSchema = z
  .object({
    term: z
      .string()
      .trim()
      .min(1, "glossary_term_required")
      .max(TERM_MAX, "glossary_term_too_long")
      .refine((t) => [...t].some(isCjk), "glossary_term_not_chinese"),
    approved: list(true),
    forbidden: list(false),
    note: z.string().trim().max(NOTE_MAX, "glossary_note_too_long").default(""),
    category: z.string().trim().max(CATEGORY_MAX, "glossary_category_too_long").default(""),
  })
  // zod may run this check on an object whose lists failed to parse: only compare two real lists.
  .refine(
    (v) =>
      !Array.isArray(v.forbidden) ||
      !Array.isArray(v.approved) ||
      !v.forbidden.some((f) => v.approved.some((a) => sameRendering(a, f))),
    {
      message: "glossary_forbidden_is_approved",
      path: ["forbidden"],
    },
  );

export type GlossaryTermInput = z.infer<typeof glossaryTermSchema>;
