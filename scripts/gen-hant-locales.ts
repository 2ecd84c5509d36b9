// Writes locales/zh-Hant/*.json from locales/zh/*.json (OpenCC, docs/ARCHITECTURE.md
// "Traditional Chinese edition"). Usage: npm run locales:hant [-- --check]
import { mkdirSync, readFileSync, readdirSync, writeFileSync, existsSync } from "node:fs";
import path from "node:path";
import { hantLocaleText } from "../src/domain/hant/locale-files";

const from = path.join("locales", "zh");
const to = path.join("locales", "zh-Hant");
const check = process.argv.includes("--check");
let stale = 0;
mkdirSync(to, { recursive: true });
for (const file of readdirSync(from).filter((f) => f.endsWith(".json"))) {
  const zh = JSON.parse(readFileSync(path.join(from, file), "utf8")) as Parameters<typeof hantLocaleText>[0];
  const expected = hantLocaleText(zh);
  const target = path.join(to, file);
  const actual = existsSync(target) ? readFileSync(target, "utf8") : "";
  if (actual === expected) continue;
  stale++;
  if (check) console.error(`${target} is stale: run npm run locales:hant`);
  else writeFileSync(target, expected);
}
if (check && stale) process.exit(1);
