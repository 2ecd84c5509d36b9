import "server-only";
import type { Db } from "../db/client";
import { loadSources, toIndexDoc, type Client } from "./documents";
import { engineFor } from "./select";

// Rebuilds the whole index in one transaction: readers see the old index until it commits.

const RELEASES_PER_STEP = 250;

export interface ReindexReport {
  releases: number;
  documents: number;
  ms: number;
}

export async function reindexSearch(
  db: Db,
  onProgress: (done: number, total: number) => void = () => undefined,
): Promise<ReindexReport> {
  const started = performance.now();
  const engine = engineFor(db);
  const total = await db.release.count();
  let documents = 0;
  let done = 0;
  await db.$transaction(
    async (tx) => {
      await engine.clear(tx);
      onProgress(0, total);
      let cursor: string | undefined;
      for (;;) {
        const ids = await tx.release.findMany({
          select: { id: true },
          orderBy: { id: "asc" },
          take: RELEASES_PER_STEP,
          ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
        });
        if (ids.length === 0) break;
        cursor = ids[ids.length - 1]!.id;
        const sources = await loadSources(
          tx,
          ids.map((r) => r.id),
        );
        await engine.insert(
          tx,
          sources.map((s) => toIndexDoc(s)),
        );
        documents += sources.length;
        done += ids.length;
        onProgress(Math.min(done, total), total);
      }
      await engine.finish(tx);
    },
    { timeout: 6 * 60 * 60_000, maxWait: 30_000 },
  );
  return { releases: done, documents, ms: Math.round(performance.now() - started) };
}

export async function searchIndexSize(db: Client): Promise<number> {
  return engineFor(db).size(db);
}

/**
 * Builds the index when it is empty but releases exist: the first start after the search
 * migration, or a database filled without the app. Returns whether it rebuilt.
 */
export async function ensureSearchIndex(db: Db): Promise<boolean> {
  const indexed = await db.$queryRawUnsafe<unknown[]>(`SELECT 1 FROM "SearchDocument" LIMIT 1`);
  if (indexed.length > 0 || (await db.releaseContent.count()) === 0) return false;
  await reindexSearch(db);
  return true;
}
