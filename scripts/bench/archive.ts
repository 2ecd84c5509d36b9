// A realistic archive for benchmarks, written straight into a fresh migrated database (SQLite or
// PostgreSQL) at thousands of releases a second. Same seed and `now`, same rows on both engines.
// It does not build the search index: run `npm run search:reindex` (or reindexSearch) afterwards.
import { isPostgresUrl } from "../../src/server/env";
import { archiveBatches, type ArchiveBatch } from "./archive-rows";
import { openArchivePostgres } from "./archive-postgres";
import { openArchiveSqlite } from "./archive-sqlite";

export { archiveBatches, archiveSlug, type ArchiveBatch } from "./archive-rows";
export { ARCHIVE_CATEGORIES, ARCHIVE_USERS, type ReleaseKind } from "./archive-shape";

export interface LoadArchiveOptions {
  releases: number;
  /** default 42 */
  seed?: number;
  /** the archive's 20 years end here; embargoes fall in the days after it (default: the current time) */
  now?: Date;
  /** releases per transaction (default 500) */
  batchSize?: number;
  /** for the two archive users (default "!", which no password matches) */
  passwordHash?: string;
  onProgress?: (done: number, total: number) => void;
}

export interface LoadArchiveReport {
  releases: number;
  publications: number;
  ms: number;
  releasesPerSecond: number;
  /** CPU time of this process (generation, plus the SQLite writes, which run in-process) */
  cpuMs: number;
}

interface Sink {
  write(batch: ArchiveBatch): void | Promise<void>;
  close(): void | Promise<void>;
}

/** Writes `releases` generated releases, their users and categories into the database at `url`. */
export async function loadArchive(url: string, options: LoadArchiveOptions): Promise<LoadArchiveReport> {
  const { releases, seed = 42, now = new Date(), batchSize = 500, passwordHash = "!", onProgress } = options;
  if (!Number.isInteger(releases) || releases < 0) throw new Error("releases must be a non-negative integer");
  const started = performance.now();
  const cpu = process.cpuUsage();
  const sink: Sink = isPostgresUrl(url)
    ? await openArchivePostgres(url, passwordHash, now)
    : openArchiveSqlite(url, passwordHash, now);
  let done = 0;
  let publications = 0;
  try {
    for (const batch of archiveBatches({ releases, seed, now, batchSize })) {
      await sink.write(batch);
      done += batch.releases.length;
      publications += batch.publications.length;
      onProgress?.(done, releases);
    }
  } finally {
    await sink.close();
  }
  const ms = performance.now() - started;
  const { user, system } = process.cpuUsage(cpu);
  const cpuMs = Math.round((user + system) / 1000);
  return { releases: done, publications, ms: Math.round(ms), releasesPerSecond: Math.round(done / (ms / 1000)), cpuMs };
}
