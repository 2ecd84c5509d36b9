import "server-only";
import { findTerms } from "@/domain/glossary/terms";
import { charDiff, type CharPart } from "@/domain/release/char-diff";
import { docBlocks, parseDoc } from "@/domain/release/content";
import type { Db } from "../db/client";
import { glossaryIndex } from "../glossary/store";
import { lookupSegments } from "../tm/lookup";

// What the translate page shows beside each Chinese segment: glossary terms in it (with their
// approved English) and the best translation memory matches (with the stored source's differences).

export interface TermMark {
  start: number;
  end: number;
  approved: string[];
  note: string;
}

export interface MatchView {
  unitId: number;
  score: number;
  target: string;
  /** the stored source as parts: "added" = only in the stored source, "removed" = only in this paragraph */
  source: CharPart[];
}

export interface SegmentView {
  id: string;
  text: string;
  terms: TermMark[];
  matches: MatchView[];
}

export async function translateSegments(
  db: Db,
  zh: { title: string; summary: string; body: string },
): Promise<SegmentView[]> {
  const segments: [string, string][] = [
    ["title", zh.title],
    ["summary", zh.summary],
    ...docBlocks(parseDoc(zh.body)).map((text, i): [string, string] => [`body-${i + 1}`, text]),
  ];
  const [{ index }, matches] = await Promise.all([
    glossaryIndex(db),
    lookupSegments(
      db,
      segments.map(([, text]) => text),
    ),
  ]);
  return segments.map(([id, text], i) => ({
    id,
    text,
    terms: findTerms(text, index).map((h) => ({
      start: h.start,
      end: h.end,
      approved: h.entry.approved,
      note: h.entry.note,
    })),
    matches: (matches[i] ?? []).map((m) => ({
      unitId: m.unitId,
      score: m.score,
      target: m.target,
      source: charDiff(text, m.source) ?? [{ kind: "added", text: m.source }],
    })),
  }));
}
