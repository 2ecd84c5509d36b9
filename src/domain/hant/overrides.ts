// Editors' fixes of the generated Traditional text: each override replaces a phrase as OpenCC
// wrote it (`wrong`) with what it must read (`right`), applied after OpenCC in one pass, longest
// phrase first, so overrides never apply to each other's output. Pure.
import { z } from "zod";
import type { Convert } from "./opencc";

export interface HantOverride {
  wrong: string;
  right: string;
}

export const OVERRIDE_MAX = 100;
export const NOTE_MAX = 500;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A function applying every override to a converted text (identity when there are none). */
export function compileOverrides(overrides: readonly HantOverride[]): Convert {
  const usable = overrides.filter((o) => o.wrong.length > 0 && o.wrong !== o.right);
  if (usable.length === 0) return (text) => text;
  const byPhrase = new Map(usable.map((o) => [o.wrong, o.right]));
  const phrases = [...byPhrase.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const pattern = new RegExp(phrases.map(escape).join("|"), "gu");
  return (text) => text.replace(pattern, (found) => byPhrase.get(found) ?? found);
}

const phrase = (required: ValidationKey) =>
  z
    .string()
    .transform((v) => v.replace(/\s+/g, " ").trim())
    .pipe(z.string().min(1, required).max(OVERRIDE_MAX, "hant_phrase_too_long"));
type ValidationKey = "hant_wrong_required" | "hant_right_required";

/** The override form; messages are i18n keys (validation.json). */
export const hantOverrideSchema = z
  .object({
    wrong: phrase("hant_wrong_required"),
    right: phrase("hant_right_required"),
    note: z.string().trim().max(NOTE_MAX, "hant_note_too_long").default(""),
  })
  .refine((o) => o.wrong !== o.right, { message: "hant_same_phrase", path: ["right"] });

export type HantOverrideInput = z.infer<typeof hantOverrideSchema>;
