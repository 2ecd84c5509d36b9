// Paragraph-level diff, for "what changed in the Chinese" and the history page. Bounded: a page
// diffs at most MAX_DIFF_BLOCKS paragraphs and MAX_DIFF_CHARS characters per side, with at most
// MAX_DIFF_WORK steps of the bounded Myers diff (src/domain/diff/sequence.ts); beyond that the rest
// is shown as one changed block, so no request can spend more than a bounded share of CPU or memory.
import { diffSequences } from "@/domain/diff/sequence";

export type DiffPart = { kind: "same" | "added" | "removed"; text: string };

export const MAX_DIFF_BLOCKS = 5_000;
export const MAX_DIFF_CHARS = 1_000_000;
export const MAX_DIFF_WORK = 1_000_000;

export interface BlockDiff {
  parts: DiffPart[];
  /** false when the inputs were over a bound: part of the result is a coarse changed block */
  exact: boolean;
  work: number;
}

/** How many leading blocks fit within the bounds. */
function withinBounds(blocks: readonly string[]): number {
  let chars = 0;
  for (let i = 0; i < blocks.length && i < MAX_DIFF_BLOCKS; i++) {
    chars += blocks[i]!.length;
    if (chars > MAX_DIFF_CHARS) return i;
  }
  return Math.min(blocks.length, MAX_DIFF_BLOCKS);
}

export function diffBlocksBounded(before: readonly string[], after: readonly string[]): BlockDiff {
  const n = withinBounds(before);
  const m = withinBounds(after);
  // Equal paragraphs get equal numbers, so each comparison is O(1) whatever the paragraph length.
  const ids = new Map<string, number>();
  const intern = (blocks: readonly string[], count: number) => {
    const out = new Int32Array(count);
    for (let i = 0; i < count; i++) {
      const text = blocks[i]!;
      let id = ids.get(text);
      if (id === undefined) ids.set(text, (id = ids.size));
      out[i] = id;
    }
    return out;
  };
  const diff = diffSequences(intern(before, n), intern(after, m), { maxWork: MAX_DIFF_WORK });
  const parts: DiffPart[] = [];
  for (const op of diff.ops) {
    const from = op.kind === "added" ? after.slice(op.b, op.b + op.length) : before.slice(op.a, op.a + op.length);
    for (const text of from) parts.push({ kind: op.kind, text });
  }
  // Whatever lies past the bounds is one changed block.
  for (const text of before.slice(n)) parts.push({ kind: "removed", text });
  for (const text of after.slice(m)) parts.push({ kind: "added", text });
  return { parts, exact: diff.exact && n === before.length && m === after.length, work: diff.work };
}

export function diffBlocks(before: readonly string[], after: readonly string[]): DiffPart[] {
  return diffBlocksBounded(before, after).parts;
}
