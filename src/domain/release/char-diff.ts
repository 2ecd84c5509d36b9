// Character-level differences inside a paragraph. Chinese has no spaces, so the unit is the
// character; a run of Latin letters or digits counts as one unit (a word or a number), each
// punctuation mark and each run of spaces is its own unit. Myers' O((N+M)·D) algorithm after the
// common prefix and suffix are set aside, with the work bounded: beyond MAX_UNITS units or
// MAX_EDITS differences the answer is null and the caller shows the paragraphs as a whole.
// (A small self-contained implementation; see docs/TRANSLATION.md about unifying with diff.ts.)

export type CharPart = { kind: "same" | "added" | "removed"; text: string };

export const MAX_UNITS = 10_000;
export const MAX_EDITS = 600;

const CJK = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}`;
const UNIT = new RegExp(String.raw`[${CJK}]|(?:(?![${CJK}])[\p{L}\p{N}\p{M}])+|\s+|[^]`, "gu");

export const diffUnits = (text: string): string[] => text.match(UNIT) ?? [];

/** The edit script from `a` to `b` as parts, or null when it would exceed the bounds. */
export function charDiff(a: string, b: string): CharPart[] | null {
  const x = diffUnits(a);
  const y = diffUnits(b);
  if (x.length + y.length > MAX_UNITS) return null;
  let pre = 0;
  while (pre < x.length && pre < y.length && x[pre] === y[pre]) pre++;
  let suf = 0;
  while (suf < x.length - pre && suf < y.length - pre && x[x.length - 1 - suf] === y[y.length - 1 - suf]) suf++;
  const middle = myers(x.slice(pre, x.length - suf), y.slice(pre, y.length - suf));
  if (!middle) return null;
  const parts: CharPart[] = [];
  const push = (kind: CharPart["kind"], text: string) => {
    if (!text) return;
    const last = parts.at(-1);
    if (last?.kind === kind) last.text += text;
    else parts.push({ kind, text });
  };
  push("same", x.slice(0, pre).join(""));
  for (const p of middle) push(p.kind, p.text);
  push("same", x.slice(x.length - suf).join(""));
  return parts;
}

/** Myers' greedy LCS walk; the V array of each step is kept (2d+1 entries) to trace the path back. */
function myers(x: string[], y: string[]): CharPart[] | null {
  const n = x.length;
  const m = y.length;
  const trace: Int32Array[] = [];
  let v = new Int32Array(3);
  v[1] = 0;
  for (let d = 0; d <= Math.min(n + m, MAX_EDITS); d++) {
    const next = new Int32Array(2 * d + 3);
    // v holds k = -(d-1)..(d-1) at index k + d; next holds k = -d..d at index k + d + 1
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && at(v, k - 1, d - 1) < at(v, k + 1, d - 1));
      let i = down ? at(v, k + 1, d - 1) : at(v, k - 1, d - 1) + 1;
      let j = i - k;
      while (i < n && j < m && x[i] === y[j]) {
        i++;
        j++;
      }
      next[k + d + 1] = i;
      if (i >= n && j >= m) {
        trace.push(next);
        return backtrack(trace, x, y);
      }
    }
    trace.push(next);
    v = next;
  }
  return null;
}

/** V[k] of step d (stored at k + d + 1); outside the band, -1 (never chosen). */
function at(v: Int32Array, k: number, d: number): number {
  const idx = k + d + 1;
  return d < 0 ? 0 : idx >= 0 && idx < v.length ? v[idx]! : -1;
}

function backtrack(trace: Int32Array[], x: string[], y: string[]): CharPart[] {
  const out: CharPart[] = [];
  let i = x.length;
  let j = y.length;
  for (let d = trace.length - 1; d > 0; d--) {
    const prev = trace[d - 1]!;
    const k = i - j;
    const down = k === -d || (k !== d && at(prev, k - 1, d - 1) < at(prev, k + 1, d - 1));
    const pk = down ? k + 1 : k - 1;
    const pi = at(prev, pk, d - 1);
    const pj = pi - pk;
    while (i > pi + (down ? 0 : 1) && j > pj + (down ? 1 : 0)) {
      out.push({ kind: "same", text: x[--i]! });
      j--;
    }
    if (down) out.push({ kind: "added", text: y[--j]! });
    else out.push({ kind: "removed", text: x[--i]! });
  }
  while (i > 0 && j > 0) {
    out.push({ kind: "same", text: x[--i]! });
    j--;
  }
  return out.reverse();
}
