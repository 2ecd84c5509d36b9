// What changed in the Chinese since the translation was made, as the translator reads it: the
// paragraph diff (diff.ts), with each removed paragraph followed by an added one read as one
// *changed* paragraph whose characters inserted and deleted are marked (char-diff.ts), and beside
// every changed or removed paragraph the English that translated it. Pure.
import { charDiff, type CharPart } from "./char-diff";
import { diffBlocks } from "./diff";

export type SourceChange =
  | { kind: "same"; text: string; segment: number }
  | { kind: "added"; text: string; segment: number }
  | { kind: "removed"; text: string; english: string | null }
  | {
      kind: "changed";
      parts: CharPart[] | null;
      before: string;
      after: string;
      english: string | null;
      segment: number;
    };

/**
 * `before`/`after`: the segments (title, summary, paragraphs) of the Chinese the translation was
 * made from and of the current one; `english(i)`: the English aligned with `before[i]`.
 * `segment` is the index in `after` (to name it: title, summary, paragraph n).
 */
export function sourceChanges(
  before: readonly string[],
  after: readonly string[],
  english: (beforeIndex: number) => string | null,
): SourceChange[] {
  const out: SourceChange[] = [];
  let i = 0;
  let j = 0;
  let removed: { text: string; index: number }[] = [];
  const flush = () => {
    for (const r of removed) out.push({ kind: "removed", text: r.text, english: english(r.index) });
    removed = [];
  };
  for (const part of diffBlocks(before, after)) {
    if (part.kind === "removed") {
      removed.push({ text: part.text, index: i++ });
      continue;
    }
    if (part.kind === "added" && removed.length) {
      const r = removed.shift()!;
      out.push({
        kind: "changed",
        parts: charDiff(r.text, part.text),
        before: r.text,
        after: part.text,
        english: english(r.index),
        segment: j++,
      });
      continue;
    }
    flush();
    if (part.kind === "added") out.push({ kind: "added", text: part.text, segment: j++ });
    else {
      out.push({ kind: "same", text: part.text, segment: j++ });
      i++;
    }
  }
  flush();
  return out;
}
