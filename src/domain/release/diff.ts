// Paragraph-level diff (longest common subsequence), for "what changed in the Chinese".
export type DiffPart = { kind: "same" | "added" | "removed"; text: string };

export function diffBlocks(before: readonly string[], after: readonly string[]): DiffPart[] {
  const n = before.length;
  const m = after.length;
  // lcs[i][j] = length of the LCS of before[i..] and after[j..]
  const lcs = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] = before[i] === after[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const parts: DiffPart[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (before[i] === after[j]) {
      parts.push({ kind: "same", text: before[i++]! });
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) {
      parts.push({ kind: "removed", text: before[i++]! });
    } else {
      parts.push({ kind: "added", text: after[j++]! });
    }
  }
  while (i < n) parts.push({ kind: "removed", text: before[i++]! });
  while (j < m) parts.push({ kind: "added", text: after[j++]! });
  return parts;
}
