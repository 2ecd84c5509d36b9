import type { Marks } from "./query";
import { eachUnit, fold, type Unit } from "./text";

// Highlighting as data: segments the UI renders (and escapes) itself; never HTML.

export interface Segment {
  text: string;
  hit: boolean;
}

type Range = [start: number, end: number];

/** The query's words and CJK strings in one unit of `text` (raw offsets). */
function unitHits(text: string, u: Unit, marks: Marks, words: Set<string>, into: Range[]): void {
  if (u.kind === "word") {
    if (words.has(u.text)) into.push([u.start, u.end]);
    return;
  }
  const raw = text.slice(u.start, u.end);
  // Offsets are only trusted when folding kept the run's length (it does for CJK text).
  const folded = fold(raw);
  const run = folded.length === raw.length ? folded : raw;
  for (const needle of marks.cjk) {
    for (let i = run.indexOf(needle); i >= 0; i = run.indexOf(needle, i + 1)) {
      into.push([u.start + i, u.start + i + needle.length]);
    }
  }
}

/** Where the first hit in `text` starts, or -1 (reads no further than that). */
function firstHit(text: string, marks: Marks): number {
  const words = new Set(marks.words);
  const ranges: Range[] = [];
  eachUnit(text, (u) => {
    unitHits(text, u, marks, words, ranges);
    return ranges.length === 0;
  });
  return ranges.length === 0 ? -1 : Math.min(...ranges.map((r) => r[0]));
}

/** Where the query's words and CJK strings occur in `text` (raw offsets, sorted, merged). */
export function findHits(text: string, marks: Marks): Range[] {
  const words = new Set(marks.words);
  const ranges: Range[] = [];
  eachUnit(text, (u) => {
    unitHits(text, u, marks, words, ranges);
  });
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Range[] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

function toSegments(text: string, hits: Range[], from = 0, to = text.length): Segment[] {
  const out: Segment[] = [];
  let at = from;
  for (const [s, e] of hits) {
    if (e <= from || s >= to) continue;
    const start = Math.max(s, from);
    const end = Math.min(e, to);
    if (start > at) out.push({ text: text.slice(at, start), hit: false });
    out.push({ text: text.slice(start, end), hit: true });
    at = end;
  }
  if (at < to) out.push({ text: text.slice(at, to), hit: false });
  return out;
}

/** The whole text with hits marked (titles). */
export function highlight(text: string, marks: Marks): Segment[] {
  return toSegments(text, findHits(text, marks));
}

const inWord = (t: string, i: number) => i > 0 && i < t.length && /\w/.test(t[i - 1]!) && /\w/.test(t[i]!);

/** Moves a cut point off the middle of an English word or a surrogate pair. */
function adjust(text: string, i: number, dir: -1 | 1): number {
  let at = Math.max(0, Math.min(text.length, i));
  for (let n = 0; n < 20 && inWord(text, at); n++) at += dir;
  if (at > 0 && at < text.length && /[\uDC00-\uDFFF]/.test(text[at]!)) at += dir;
  return at;
}

/**
 * A window of about `length` characters around the first hit of the first field that has one
 * (fields in order, e.g. body then summary); the start of the first non-empty field otherwise.
 */
export function snippet(fields: string[], marks: Marks, length = 120): Segment[] {
  const texts = fields.map((f) => f.replace(/\s+/g, " ").trim());
  for (const text of texts) {
    const first = firstHit(text, marks);
    if (first < 0) continue;
    const start = adjust(text, first - Math.floor(length / 4), -1);
    const end = adjust(text, start + length, 1);
    // Hits are only looked for in the window (and a margin, for words cut at its edges).
    const from = Math.max(0, start - 40);
    const hits = findHits(text.slice(from, end + 40), marks).map(([s, e]): Range => [s + from, e + from]);
    return frame(text, toSegments(text, hits, start, end), start, end);
  }
  const text = texts.find((t) => t !== "") ?? "";
  const end = adjust(text, length, 1);
  return frame(text, toSegments(text, [], 0, end), 0, end);
}

function frame(text: string, segments: Segment[], start: number, end: number): Segment[] {
  const out = [...segments];
  if (start > 0) out.unshift({ text: "…", hit: false });
  if (end < text.length) out.push({ text: "…", hit: false });
  return out;
}
