// A plain-text archive for `npm run bench:import`: NAME.zh.txt and NAME.en.txt pairs (5% Chinese
// only), 1,000 releases per folder, file times spread over 20 years (the import publishes at the
// Chinese file's time). Deterministic for a seed.
import { mkdirSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { textSource } from "../bench/release-text";
import { rng } from "../bench/random";

const YEAR_MS = 365.25 * 86_400_000;

/** A release as a text file: the title, the summary as the lead paragraph, then the body. */
const file = (t: { title: string; summary: string; bodyText: string }) =>
  `${t.title}\n\n${t.summary}\n\n${t.bodyText}\n`;

export function writeTextArchive(dir: string, releases: number, now: number, onProgress?: (n: number) => void) {
  const random = rng(2026);
  const texts = textSource(random);
  for (let i = 1; i <= releases; i++) {
    const folder = path.join(dir, String(Math.ceil(i / 1000)).padStart(4, "0"));
    if (i % 1000 === 1) mkdirSync(folder, { recursive: true });
    const name = `release-${String(i).padStart(6, "0")}`;
    const at = new Date(now - random() * 20 * YEAR_MS);
    const zhFile = path.join(folder, `${name}.zh.txt`);
    writeFileSync(zhFile, file(texts.zh()));
    utimesSync(zhFile, at, at);
    if (random() >= 0.05) writeFileSync(path.join(folder, `${name}.en.txt`), file(texts.en()));
    if (i % 1000 === 0) onProgress?.(i);
  }
  onProgress?.(releases);
}
