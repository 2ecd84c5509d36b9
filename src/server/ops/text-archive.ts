import "server-only";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import enValidation from "@locales/en/validation.json";
import { languageFile, parseReleaseText, type ParsedText, type TextProblem } from "@/domain/release/text-file";

// The files of a plain-text archive: found and paired by base name (the names only: 100,000
// releases take a few MB), read one release at a time while importing.

export interface Group {
  base: string;
  zh?: string;
  en?: string;
}

export interface Skipped {
  file: string;
  reason: string;
}

const PROBLEMS: Record<Exclude<TextProblem, object>, string> = {
  not_utf8: "not valid UTF-8 text",
  nul_bytes: "not a text file (contains NUL bytes)",
  empty: "empty file",
  no_title: "no title (the first line must be the title)",
  no_text: "no text after the title",
};

export const problemText = (p: TextProblem) =>
  typeof p === "string" ? PROBLEMS[p] : ((enValidation as Record<string, string>)[p.validation] ?? p.validation);

/** The language-tagged .txt files under `root` (recursively, in name order), paired by base name. */
export function scanArchive(root: string, skipped: Skipped[]): Group[] {
  const groups = new Map<string, Group>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      if (!entry.isFile() || !entry.name.toLowerCase().endsWith(".txt")) continue;
      const rel = path.relative(root, file);
      const named = languageFile(entry.name);
      if (!named) {
        skipped.push({ file: rel, reason: "no language in the file name (name it NAME.zh.txt or NAME.en.txt)" });
        continue;
      }
      const key = path.join(path.dirname(rel), named.base);
      const group = groups.get(key) ?? { base: named.base };
      group[named.lang] = rel;
      groups.set(key, group);
    }
  };
  walk(root);
  return [...groups.values()];
}

export type ReadText = { ok: true; input: Extract<ParsedText, { ok: true }>["input"] } | { ok: false; reason: string };

export function readRelease(root: string, rel: string, slug: string): ReadText {
  try {
    const parsed = parseReleaseText(readFileSync(path.join(root, rel)), slug);
    return parsed.ok ? parsed : { ok: false, reason: problemText(parsed.problem) };
  } catch (error) {
    return { ok: false, reason: `cannot read the file (${(error as NodeJS.ErrnoException).code ?? "error"})` };
  }
}

export const modifiedAt = (root: string, rel: string) => statSync(path.join(root, rel)).mtime;
