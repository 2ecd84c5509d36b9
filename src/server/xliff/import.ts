import "server-only";
import type { Actor } from "@/domain/auth/actor";
import { can } from "@/domain/auth/permissions";
import { contentInputSchema } from "@/domain/release/schemas";
import { fail, ok, type Result } from "@/domain/result";
import { fromInline, inlineSignature, inlineText, resolveCodes, type Inline } from "@/domain/xliff/inline";
import { readXliff, XliffError, type ReadFile } from "@/domain/xliff/read";
import { releaseUnits, translatedBody, type Unit } from "@/domain/xliff/units";
import { recordAudit } from "../audit";
import type { Db } from "../db/client";
import { saveContent } from "../releases/lifecycle";
import { addPairs } from "../tm/store";
import { englishTargets } from "./export";

// Importing a translated XLIFF file: refused as a whole (nothing changes) when the file is broken
// or hostile, for another release or language pair, or made from a Chinese version that changed
// since; otherwise the English working copy is saved (one revision, status untouched: an import
// never marks anything translated). Approved units also go to the translation memory.

export const MAX_XLIFF_BYTES = 4 * 1024 * 1024;
const DONE = new Set(["translated", "final", "signed-off", "reviewed"]);

export interface ImportReport {
  version: number;
  units: number;
  /** units whose English came from the file */
  translated: number;
  /** units without a target in the file that kept the existing English */
  kept: number;
  remembered: number;
}

function parse(bytes: Uint8Array): Result<ReadFile> {
  if (bytes.byteLength > MAX_XLIFF_BYTES) return fail("xliff_too_large");
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return fail("xliff_not_utf8");
  }
  try {
    return ok(readXliff(text));
  } catch (error) {
    if (error instanceof XliffError) return fail(error.code, { params: error.params });
    throw error;
  }
}

const releaseIdOf = (file: ReadFile) =>
  file.releaseId ?? /^newsroom\/releases\/([\w-]{1,64})$/.exec(file.original)?.[1] ?? null;

/** Units that differ between the file's sources and the current Chinese (changed, added, removed). */
export function changedUnits(file: ReadFile, current: readonly Unit[]): string[] {
  const theirs = new Map(file.units.map((u) => [u.id, inlineSignature(u.source)]));
  const ours = new Map(current.map((u) => [u.id, inlineSignature(u.inline)]));
  const changed = current.filter((u) => theirs.get(u.id) !== ours.get(u.id)).map((u) => u.id);
  return [...changed, ...file.units.filter((u) => !ours.has(u.id)).map((u) => u.id)];
}

export async function importXliff(
  db: Db,
  actor: Actor | null,
  expectedReleaseId: string | null,
  bytes: Uint8Array,
): Promise<Result<ImportReport>> {
  if (!actor || !can(actor.role, "translation.write")) return fail("forbidden");
  const parsed = parse(bytes);
  if (!parsed.ok) return parsed;
  const file = parsed.value;
  if (!/^zh(-|$)/i.test(file.srcLang) || !/^en(-|$)/i.test(file.trgLang)) {
    return fail("xliff_wrong_languages", { params: { pair: `${file.srcLang || "?"} → ${file.trgLang || "?"}` } });
  }
  const releaseId = releaseIdOf(file);
  if (!releaseId || (expectedReleaseId && releaseId !== expectedReleaseId)) return fail("xliff_wrong_release");
  const release = await db.release.findUnique({ where: { id: releaseId }, include: { contents: true } });
  const zh = release?.contents.find((c) => c.locale === "zh");
  if (!release || !zh) return expectedReleaseId ? fail("not_found") : fail("xliff_wrong_release");
  const current = releaseUnits(zh);
  const changed = changedUnits(file, current);
  if (changed.length) {
    const units = changed.slice(0, 12).join(", ") + (changed.length > 12 ? ` … (+${changed.length - 12})` : "");
    return fail("xliff_source_changed", { params: { units } });
  }
  const targets = new Map(file.units.filter((u) => u.target && inlineText(u.target).trim()).map((u) => [u.id, u]));
  if (targets.size === 0) return fail("xliff_no_targets");
  const en = release.contents.find((c) => c.locale === "en") ?? null;
  const existing = en ? englishTargets(current, releaseUnits(en)) : new Map<string, Inline[]>();
  const sourceOf = new Map(current.map((u) => [u.id, u.inline]));
  const inlineFor = (id: string): Inline[] | null => {
    const t = targets.get(id);
    if (t) return resolveCodes(sourceOf.get(id) ?? [], t.target!);
    return existing.get(id) ?? null;
  };
  const text = (id: string, fallback: string) => {
    const inline = inlineFor(id);
    return inline ? inlineText(inline).replace(/\s+/g, " ").trim() : fallback;
  };
  const body = translatedBody(
    zh.body,
    (id) => fromInline(inlineFor(id) ?? []),
    (id) => text(id, ""),
  );
  const input = contentInputSchema.safeParse({
    title: text("title", en?.title ?? ""),
    summary: text("summary", en?.summary ?? ""),
    body: JSON.stringify(body),
    slug: en?.slug ?? zh.slug,
  });
  if (!input.success) {
    return fail("xliff_invalid_content", { params: { field: String(input.error.issues[0]?.path[0] ?? "body") } });
  }
  const saved = await saveContent(db, actor, releaseId, "en", input.data, release.version, {
    sourceFingerprint: zh.fingerprint,
  });
  if (!saved.ok) return saved;
  const approved = [...targets.values()].filter((u) => DONE.has(u.state ?? ""));
  const pairs = approved.map((u) => ({ source: inlineText(sourceOf.get(u.id) ?? []), target: inlineText(u.target!) }));
  const remembered = await db.$transaction(async (tx) => {
    const ids = await addPairs(
      tx,
      pairs.map((p) => ({ source: p.source.replace(/\n/g, " "), target: p.target.replace(/\n/g, " ") })),
      releaseId,
      "xliff",
    );
    await recordAudit(tx, {
      actorId: actor.id,
      action: "release.xliff_imported",
      releaseId,
      detail: { version: file.version, units: current.length, translated: targets.size, remembered: ids.length },
    });
    return ids.length;
  });
  const kept = current.filter((u) => !targets.has(u.id) && existing.has(u.id)).length;
  return ok({ version: saved.value.version, units: current.length, translated: targets.size, kept, remembered });
}
