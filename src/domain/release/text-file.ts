// Plain-text release files (docs/OPERATIONS.md "Text import"): `NAME.zh.txt` is the Chinese
// original, `NAME.en.txt` its translation; the first line is the title, paragraphs are separated
// by blank lines, the lead paragraph becomes the summary. Pure: bytes in, a checked input or the
// problem out. Reading the files and writing releases is src/server/ops/text-import.ts.
import type { ContentLocale } from "@/i18n/settings";
import { textToDoc } from "./content";
import { SUMMARY_MAX, contentInputSchema, type ContentInput } from "./schemas";

export type TextLang = ContentLocale;

const LANG_FILE = /^(.+)\.(zh|en)\.txt$/i;

/** "Name.ZH.txt" → { base: "Name", lang: "zh" }; null for a file without a language. */
export function languageFile(fileName: string): { base: string; lang: TextLang } | null {
  const m = LANG_FILE.exec(fileName);
  return m ? { base: m[1]!, lang: m[2]!.toLowerCase() as TextLang } : null;
}

/** Why a file cannot be imported; `validation` carries a key of locales/*\/validation.json. */
export type TextProblem = "not_utf8" | "nul_bytes" | "empty" | "no_title" | "no_text" | { validation: string };

export type ParsedText = { ok: true; input: ContentInput } | { ok: false; problem: TextProblem };

const utf8 = new TextDecoder("utf-8", { fatal: true });
const SENTENCE_ENDS = [". ", "。", "! ", "！", "? ", "？"];

/** Lead paragraph as the summary, cut at a sentence end when it is longer than a summary may be. */
export function summaryOf(lead: string): string {
  if (lead.length <= SUMMARY_MAX) return lead;
  const cut = lead.slice(0, SUMMARY_MAX);
  const end = Math.max(...SENTENCE_ENDS.map((m) => cut.lastIndexOf(m)));
  return end > SUMMARY_MAX / 3 ? cut.slice(0, end + 1).trim() : `${cut.slice(0, SUMMARY_MAX - 1)}…`;
}

function decode(bytes: Uint8Array): string | null {
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}

/** One release text: first line the title, then paragraphs separated by blank lines. */
export function parseReleaseText(bytes: Uint8Array, slug: string): ParsedText {
  const decoded = decode(bytes);
  if (decoded === null) return { ok: false, problem: "not_utf8" };
  const text = decoded.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  if (text.includes("\0")) return { ok: false, problem: "nul_bytes" };
  if (!text.trim()) return { ok: false, problem: "empty" };
  const newline = text.indexOf("\n");
  const title = (newline === -1 ? text : text.slice(0, newline)).trim();
  if (!title) return { ok: false, problem: "no_title" };
  const doc = textToDoc(newline === -1 ? "" : text.slice(newline + 1));
  const lead = doc.content?.[0]?.content?.[0]?.text;
  if (!lead) return { ok: false, problem: "no_text" };
  const parsed = contentInputSchema.safeParse({ title, summary: summaryOf(lead), body: JSON.stringify(doc), slug });
  if (!parsed.success) return { ok: false, problem: { validation: parsed.error.issues[0]!.message } };
  return { ok: true, input: parsed.data };
}
