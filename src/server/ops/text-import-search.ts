import "server-only";
import type { Db } from "../db/client";
import { mergeSearchIndex, reindexSearch, searchMergeSettled } from "../search";

// The import's batches leave their search documents pending (searchable, not yet in the blocks)
// instead of merging after every batch: a merge rewrites the blocks each change falls in (about
// 100 ms per change here, docs/BENCHMARKS.md "Search"), which made an import crawl at a few
// releases per second. At the end, the index is brought up to date once, by the cheaper way:
// merging the pending changes, or rebuilding the whole index (about 5 ms per release) when there
// are many of them. Whatever an interrupted run left pending is folded in by the next run.

/** A rebuild costs about as much as merging one change per this many releases. */
const RELEASES_PER_MERGED_CHANGE = 20;

export type SearchCatchUp = "current" | "merged" | "rebuilt";

export async function catchUpSearchIndex(
  db: Db,
  onProgress: (done: number, total: number) => void = () => undefined,
): Promise<SearchCatchUp> {
  await searchMergeSettled(db); // releases finished one by one schedule their own merge
  const [row] = await db.$queryRawUnsafe<{ n: number | bigint }[]>(`SELECT COUNT(*) AS "n" FROM "SearchPending"`);
  const pending = Number(row?.n ?? 0);
  if (pending === 0) return "current";
  const releases = await db.release.count();
  if (pending * RELEASES_PER_MERGED_CHANGE < releases) {
    await mergeSearchIndex(db);
    return "merged";
  }
  await reindexSearch(db, onProgress);
  return "rebuilt";
}
