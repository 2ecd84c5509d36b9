// `npm run tm:rebuild`: rebuilds the translation memory of DATABASE_URL from every published release
// (their live snapshots), learns its stop bigrams again and recomputes every pair's keys. Pairs
// imported from XLIFF and deletions (tombstones) are kept. See docs/TRANSLATION.md.
import "dotenv/config";
import { createDb } from "../src/server/db/client";
import { migrate } from "../src/server/db/migrate";
import { parseEnv } from "../src/server/env";
import { rebuildTranslationMemory } from "../src/server/tm/rebuild";
import { runCli } from "./ops/cli";
import { progressBar } from "./search/progress";

runCli(async () => {
  const { DATABASE_URL } = parseEnv();
  await migrate(DATABASE_URL);
  const db = createDb(DATABASE_URL);
  const bars = { pairs: progressBar("Published releases"), keys: progressBar("Keys") };
  try {
    const t0 = performance.now();
    const report = await rebuildTranslationMemory(db, (step, done, total) => bars[step].update(done, total));
    bars.pairs.finish();
    bars.keys.finish();
    const s = ((performance.now() - t0) / 1000).toFixed(1);
    console.log(`Translation memory: ${report.units} pairs from ${report.releases} published releases in ${s} s.`);
  } finally {
    await db.$disconnect();
  }
});
