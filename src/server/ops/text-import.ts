import "server-only";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import enValidation from "@locales/en/validation.json";
import { slugify, textToDoc } from "@/domain/release/content";
import { SUMMARY_MAX, contentInputSchema, slugSchema, type ContentInput } from "@/domain/release/schemas";
import type { Db } from "../db/client";
import { createRelease, runWorkflow, saveContent } from "../releases/lifecycle";
import type { Actor } from "../releases/write";

// Imports an archive of plain-text releases (docs/OPERATIONS.md): `name.zh.txt` is the Chinese
// original, `name.en.txt` its English translation; the first line is the title, paragraphs are
// separated by blank lines. Releases go through the normal release operations (revisions, audit,
// search index), stay drafts, or with `publish` are published when both languages are there.

export interface TextImportOptions {
  actor: Actor;
  /** publish releases that have both languages (at `date`, else the Chinese file's mtime) */
  publish?: boolean;
  /** release date (and publication time with `publish`) */
  date?: Date;
  onProgress?: (done: number, total: number) => void;
}

export interface Imported {
  slug: string;
  languages: ("zh" | "en")[];
  status: string;
}
export interface Skipped {
  file: string;
  reason: string;
}
export interface TextImportReport {
  imported: Imported[];
  skipped: Skipped[];
}

interface Group {
  base: string;
  zh?: string;
  en?: string;
}

const LANG_FILE = /^(.+)\.(zh|en)\.txt$/i;

/** Finds the language-tagged .txt files under `dir` (recursively) and pairs them by base name. */
function scan(root: string, skipped: Skipped[]): Group[] {
  const groups = new Map<string, Group>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      if (!entry.isFile() || !entry.name.toLowerCase().endsWith(".txt")) continue;
      const rel = path.relative(root, file);
      const match = LANG_FILE.exec(entry.name);
      if (!match) {
        skipped.push({ file: rel, reason: "no language in the file name (name it NAME.zh.txt or NAME.en.txt)" });
        continue;
      }
      const key = path.join(path.dirname(rel), match[1]!);
      const group = groups.get(key) ?? { base: match[1]! };
      group[match[2]!.toLowerCase() as "zh" | "en"] = rel;
      groups.set(key, group);
    }
  };
  walk(root);
  return [...groups.values()];
}

type Parsed = { ok: true; input: ContentInput } | { ok: false; reason: string };

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Lead paragraph as the summary, cut at a sentence end when it is longer than a summary may be. */
function summaryOf(lead: string): string {
  if (lead.length <= SUMMARY_MAX) return lead;
  const cut = lead.slice(0, SUMMARY_MAX);
  const end = Math.max(...[". ", "。", "! ", "！", "? ", "？"].map((m) => cut.lastIndexOf(m)));
  return end > SUMMARY_MAX / 3 ? cut.slice(0, end + 1).trim() : `${cut.slice(0, SUMMARY_MAX - 1)}…`;
}

/** One release text: first line the title, then paragraphs separated by blank lines. */
export function parseReleaseText(bytes: Uint8Array, slug: string): Parsed {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { ok: false, reason: "not valid UTF-8 text" };
  }
  text = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  if (text.includes("\0")) return { ok: false, reason: "not a text file (contains NUL bytes)" };
  if (!text.trim()) return { ok: false, reason: "empty file" };
  const newline = text.indexOf("\n");
  const title = (newline === -1 ? text : text.slice(0, newline)).trim();
  if (!title) return { ok: false, reason: "no title (the first line must be the title)" };
  const doc = textToDoc(newline === -1 ? "" : text.slice(newline + 1));
  const lead = doc.content?.[0]?.content?.[0]?.text;
  if (!lead) return { ok: false, reason: "no text after the title" };
  const parsed = contentInputSchema.safeParse({ title, summary: summaryOf(lead), body: JSON.stringify(doc), slug });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, reason: (enValidation as Record<string, string>)[issue.message] ?? issue.message };
  }
  return { ok: true, input: parsed.data };
}

function read(root: string, rel: string, slug: string): Parsed {
  try {
    return parseReleaseText(readFileSync(path.join(root, rel)), slug);
  } catch (error) {
    return { ok: false, reason: `cannot read the file (${(error as NodeJS.ErrnoException).code ?? "error"})` };
  }
}

async function slugTaken(db: Db, slug: string): Promise<boolean> {
  return (await db.releaseContent.count({ where: { slug } })) + (await db.publication.count({ where: { slug } })) > 0;
}

/** Imports every release of the archive it can; reports each file it skipped and why. */
export async function importTextArchive(db: Db, root: string, options: TextImportOptions): Promise<TextImportReport> {
  const report: TextImportReport = { imported: [], skipped: [] };
  const groups = scan(root, report.skipped);
  const seen = new Set<string>();
  const skipGroup = (g: Group, reason: string) => {
    for (const file of [g.zh, g.en]) if (file) report.skipped.push({ file, reason });
  };
  options.onProgress?.(0, groups.length);
  for (const [i, group] of groups.entries()) {
    await importGroup(group);
    options.onProgress?.(i + 1, groups.length);
  }
  return report;

  async function importGroup(group: Group) {
    if (!group.zh) return skipGroup(group, `English translation without a Chinese original (${group.base}.zh.txt)`);
    const slug = slugSchema.safeParse(slugify(group.base));
    if (!slug.success)
      return skipGroup(group, "the file name gives no valid slug (use Latin letters, digits and hyphens)");
    if (seen.has(slug.data) || (await slugTaken(db, slug.data)))
      return skipGroup(group, `duplicate slug "${slug.data}"`);
    seen.add(slug.data);
    const zh = read(root, group.zh, slug.data);
    if (!zh.ok) {
      report.skipped.push({ file: group.zh, reason: zh.reason });
      if (group.en) report.skipped.push({ file: group.en, reason: "its Chinese original was skipped" });
      return;
    }
    const en = group.en ? read(root, group.en, slug.data) : undefined;
    if (group.en && en && !en.ok) report.skipped.push({ file: group.en, reason: en.reason });
    const when = options.date ?? statSync(path.join(root, group.zh)).mtime;
    const publish = Boolean(options.publish && en?.ok);
    const meta = { categoryId: null, releaseDate: options.date ?? (publish ? when : null) };
    const created = await createRelease(db, options.actor, zh.input, meta);
    if (!created.ok) return skipGroup(group, `refused: ${created.code}`);
    let { version } = created.value;
    let status = "DRAFT";
    const languages: Imported["languages"] = ["zh"];
    if (en?.ok) {
      const saved = await saveContent(db, options.actor, created.value.id, "en", en.input, version);
      if (saved.ok) {
        ({ version, status } = saved.value);
        languages.push("en");
      } else report.skipped.push({ file: group.en!, reason: `refused: ${saved.code}` });
    }
    if (publish && languages.length === 2) {
      for (const command of [{ type: "markTranslated" as const }, { type: "publish" as const, at: when }]) {
        const moved = await runWorkflow(db, options.actor, created.value.id, command, version);
        if (!moved.ok) break;
        ({ version, status } = moved.value);
      }
    }
    report.imported.push({ slug: slug.data, languages, status });
  }
}
