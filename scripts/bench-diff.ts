// npm run bench:diff — the history page's paragraph diff on the worst inputs a save allows: two
// bodies at the 512 KB limit, made of short paragraphs, rewritten throughout (and shuffled).
// Prints time, steps and heap growth per case; figures in docs/BENCHMARKS.md.
import { diffBlocksBounded } from "../src/domain/release/diff";
import { BODY_MAX_BYTES } from "../src/domain/release/schemas";

const paragraph = (i: number, tag: string) => `${tag} ${i}: the agency announced new measures today.`;
// JSON overhead of one tiptap paragraph with one text node, so the body stays within the limit.
const perParagraph = JSON.stringify({ type: "paragraph", content: [{ type: "text", text: paragraph(0, "first") }] });
const count = Math.floor(BODY_MAX_BYTES / (perParagraph.length + 1));
const before = Array.from({ length: count }, (_, i) => paragraph(i, "first"));
const cases: [string, string[]][] = [
  ["rewritten throughout", Array.from({ length: count }, (_, i) => paragraph(i, "second"))],
  ["same paragraphs, shuffled", [...before].sort(() => Math.random() - 0.5)],
  ["every other paragraph edited", before.map((p, i) => (i % 2 ? `${p} (edited)` : p))],
  ["one paragraph inserted", [...before.slice(0, count / 2), "new", ...before.slice(count / 2)]],
];

console.log(`${count} paragraphs per side`);
for (const [name, after] of cases) {
  global.gc?.();
  const heap = process.memoryUsage().heapUsed;
  const start = performance.now();
  const result = diffBlocksBounded(before, after);
  const ms = performance.now() - start;
  const mb = (process.memoryUsage().heapUsed - heap) / 1024 / 1024;
  console.log(
    `${name.padEnd(30)} ${ms.toFixed(1).padStart(7)} ms  ${String(result.work).padStart(9)} steps  ` +
      `${mb.toFixed(1).padStart(6)} MB heap  exact: ${result.exact}`,
  );
}
