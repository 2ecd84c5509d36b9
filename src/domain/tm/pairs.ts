// The translation memory pairs of a release: title with title, summary with summary, and each
// Chinese paragraph with the English paragraph aligned with it (align.ts). Pure.
import { alignBlocks } from "../release/align";
import { docBlocks, parseDoc } from "../release/content";

/** Longer segments are not remembered: they never recur, and scoring them costs the most. */
export const MAX_SEGMENT_CHARS = 2_000;

export interface Pair {
  source: string;
  target: string;
}

export interface PairContent {
  title: string;
  summary: string;
  body: string;
}

const usable = (p: Pair) =>
  p.source.trim() !== "" && p.target.trim() !== "" && Array.from(p.source).length <= MAX_SEGMENT_CHARS;

/** Aligned (Chinese, English) segments; untrusted or empty ones are left out. */
export function releasePairs(zh: PairContent, en: PairContent): Pair[] {
  const zhBlocks = docBlocks(parseDoc(zh.body));
  const enBlocks = docBlocks(parseDoc(en.body));
  const aligned = alignBlocks(zhBlocks, enBlocks);
  const pairs: Pair[] = [
    { source: zh.title, target: en.title },
    { source: zh.summary, target: en.summary },
    ...zhBlocks.flatMap((source, i) => {
      const j = aligned[i];
      return j === null || j === undefined ? [] : [{ source, target: enBlocks[j]! }];
    }),
  ];
  return pairs.map((p) => ({ source: p.source.trim(), target: p.target.trim() })).filter(usable);
}

/** For each Chinese block, the English block aligned with it (or null): what the translate page pairs. */
export function alignedEnglish(zhBody: string, enBody: string): (string | null)[] {
  const zhBlocks = docBlocks(parseDoc(zhBody));
  const enBlocks = docBlocks(parseDoc(enBody));
  return alignBlocks(zhBlocks, enBlocks).map((j) => (j === null ? null : (enBlocks[j] ?? null)));
}
