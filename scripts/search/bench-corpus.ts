// The benchmark's corpus: the archive of docs/BENCHMARKS.md ("Corpus"), written straight into a
// migrated database, and the size of the text the index covers.
import { loadArchive } from "../bench/archive";

export async function loadCorpus(url: string, releases: number, now: Date, onProgress: (done: number) => void) {
  await loadArchive(url, { releases, now, onProgress });
}

/** Bytes of the text the index covers: title, summary and body of every working copy and live snapshot. */
export const RAW_TEXT_SQL = {
  sqlite: `SELECT (SELECT SUM(length(CAST("title" AS BLOB)) + length(CAST("summary" AS BLOB)) + length(CAST("bodyText" AS BLOB))) FROM "ReleaseContent")
    + (SELECT SUM(length(CAST("title" AS BLOB)) + length(CAST("summary" AS BLOB)) + length(CAST("bodyText" AS BLOB))) FROM "Publication") AS "bytes"`,
  postgresql: `SELECT ((SELECT SUM(octet_length("title") + octet_length("summary") + octet_length("bodyText")) FROM "ReleaseContent")
    + (SELECT SUM(octet_length("title") + octet_length("summary") + octet_length("bodyText")) FROM "Publication"))::float8 AS "bytes"`,
};
