// A plain-text archive for `npm run bench:import`: NAME.zh.txt and NAME.en.txt pairs (5% Chinese
// only), 1,000 releases per folder, file times spread over 20 years (the import publishes at the
// Chinese file's time). Deterministic for a seed.
import { mkdirSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { textGenerator, vocabulary } from "../search/corpus";

const YEAR_MS = 365.25 * 86_400_000;

/** Paragraphs of roughly sentence-sized pieces, so summaries and bodies look like releases. */
function paragraphs(text: string, mark: string): string[] {
  const sentences = text.split(mark).filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i < sentences.length; i += 4) out.push(sentences.slice(i, i + 4).join(mark) + mark);
  return out;
}

export function writeTextArchive(dir: string, releases: number, now: number, onProgress?: (n: number) => void) {
  const gen = textGenerator(vocabulary(), 2026);
  for (let i = 1; i <= releases; i++) {
    const folder = path.join(dir, String(Math.ceil(i / 1000)).padStart(4, "0"));
    if (i % 1000 === 1) mkdirSync(folder, { recursive: true });
    const name = `release-${String(i).padStart(6, "0")}`;
    const zh = gen.zh();
    const at = new Date(now - gen.random() * 20 * YEAR_MS);
    const zhFile = path.join(folder, `${name}.zh.txt`);
    writeFileSync(zhFile, [zh.title, zh.summary, ...paragraphs(zh.bodyText, "。")].join("\n\n"));
    utimesSync(zhFile, at, at);
    if (gen.random() >= 0.05) {
      const en = gen.en();
      writeFileSync(
        path.join(folder, `${name}.en.txt`),
        [en.title, en.summary, ...paragraphs(en.bodyText, ".")].join("\n\n"),
      );
    }
    if (i % 1000 === 0) onProgress?.(i);
  }
  onProgress?.(releases);
}
