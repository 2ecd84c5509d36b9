import "server-only";
import { alignBlocks } from "@/domain/release/align";
import { isOutdated } from "@/domain/release/workflow";
import type { XliffVersion } from "@/domain/xliff/codes";
import { alignCodes, inlineText, type Inline } from "@/domain/xliff/inline";
import { releaseUnits, type Unit } from "@/domain/xliff/units";
import { writeXliff, type ExportUnit, type TargetState } from "@/domain/xliff/write";
import type { Prisma } from "../db/generated/sqlite/client";
import { releaseState } from "../releases/state";

// One release as XLIFF: the Chinese working copy's units, the English aligned with them as targets.

type Client = Prisma.TransactionClient;

export interface XliffDownload {
  xml: string;
  /** ASCII file name: the slug, the language pair and the version */
  filename: string;
}

export async function releaseXliff(
  db: Client,
  releaseId: string,
  version: XliffVersion,
): Promise<XliffDownload | null> {
  const release = await db.release.findUnique({ where: { id: releaseId }, include: { contents: true } });
  const zh = release?.contents.find((c) => c.locale === "zh");
  if (!release || !zh) return null;
  const en = release.contents.find((c) => c.locale === "en") ?? null;
  const state = releaseState(release);
  const targetState: TargetState = isOutdated(state) ? "outdated" : state.status === "DRAFT" ? "translated" : "final";
  const units = releaseUnits(zh);
  const targets = en ? englishTargets(units, releaseUnits(en)) : new Map<string, Inline[]>();
  const exportUnits: ExportUnit[] = units.map((u) => {
    const target = targets.get(u.id);
    return { id: u.id, source: u.inline, target: target ? { inline: target, state: targetState } : null };
  });
  const xml = writeXliff(version, { releaseId, sourceFingerprint: zh.fingerprint, units: exportUnits });
  return { xml, filename: `${zh.slug}.zh-CN_en.v${version.replace(".", "")}.xlf` };
}

/** The English unit paired with each Chinese one: title, summary, 1-1 aligned blocks, images in order. */
export function englishTargets(zh: readonly Unit[], en: readonly Unit[]): Map<string, Inline[]> {
  const out = new Map<string, Inline[]>();
  const byKind = (units: readonly Unit[], kind: Unit["kind"]) => units.filter((u) => u.kind === kind);
  for (const kind of ["title", "summary", "image"] as const) {
    const e = byKind(en, kind);
    byKind(zh, kind).forEach((u, i) => {
      const t = e[i];
      if (t) out.set(u.id, alignCodes(u.inline, t.inline));
    });
  }
  const zb = byKind(zh, "block");
  const eb = byKind(en, "block");
  alignBlocks(
    zb.map((u) => inlineText(u.inline)),
    eb.map((u) => inlineText(u.inline)),
  ).forEach((j, i) => {
    if (j !== null) out.set(zb[i]!.id, alignCodes(zb[i]!.inline, eb[j]!.inline));
  });
  return out;
}
