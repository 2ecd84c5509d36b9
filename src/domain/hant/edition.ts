// The Traditional edition's text function: OpenCC, then the editors' overrides, memoised per
// text (titles, summaries and paragraphs recur on every render of lists and pages). Pure.
import { compileOverrides, type HantOverride } from "./overrides";
import { openccToHant, type Convert } from "./opencc";

/** Memo limits: entries and characters held (keys and values), so memory stays bounded. */
export const MEMO_ENTRIES = 5_000;
export const MEMO_CHARS = 4_000_000;

/** A memoised converter: the least recently used texts go first when a limit is passed. */
export function memoise(convert: Convert, maxEntries = MEMO_ENTRIES, maxChars = MEMO_CHARS): Convert {
  const memo = new Map<string, string>();
  let chars = 0;
  return (text) => {
    if (text === "") return text;
    const hit = memo.get(text);
    if (hit !== undefined) {
      memo.delete(text);
      memo.set(text, hit);
      return hit;
    }
    const out = convert(text);
    const size = text.length + out.length;
    if (size > maxChars) return out;
    memo.set(text, out);
    chars += size;
    for (const [k, v] of memo) {
      if (memo.size <= maxEntries && chars <= maxChars) break;
      memo.delete(k);
      chars -= k.length + v.length;
    }
    return out;
  };
}

/** Simplified → the edition's Traditional: OpenCC (Hong Kong standard), then the overrides. */
export function hantConverter(overrides: readonly HantOverride[]): Convert {
  const fix = compileOverrides(overrides);
  return memoise((text) => fix(openccToHant(text)));
}
