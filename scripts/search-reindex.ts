// `npm run search:reindex`: rebuilds the search index of DATABASE_URL from the releases' working
// copies and live snapshots, in one transaction (searches keep using the old index until it ends).
import "dotenv/config";
import { createDb } from "../src/server/db/client";
import { parseEnv } from "../src/server/env";
import { reindexSearch, searchIndexSize } from "../src/server/search";
import { progressBar } from "./search/progress";

async function main() {
  const { DATABASE_URL } = parseEnv();
  const db = createDb(DATABASE_URL);
  try {
    const bar = progressBar("Indexing releases");
    const report = await reindexSearch(db, (done, total) => bar.update(done, total));
    bar.finish();
    const mb = (await searchIndexSize(db)) / 1024 / 1024;
    console.log(
      `Indexed ${report.documents} documents from ${report.releases} releases in ${(report.ms / 1000).toFixed(1)} s; index ${mb.toFixed(1)} MB.`,
    );
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
