import "server-only";
import { BlockBuilder } from "@/domain/search/build";
import { documentLists } from "@/domain/search/lists";
import type { Db } from "../db/client";
import { assignIds, docScope, docText, sourceHash, type Client, type Kind, type Lang, type Source } from "./documents";
import type { DocumentRow, SearchStore, StoredBlock } from "./engine";
import { mergeSearchIndex } from "./merge";
import { storeFor } from "./select";

// Rebuilds the whole index in one transaction (readers see the old index until it commits):
// every document's id first, then the texts in id order, so each list's blocks come out whole and
// in order (BlockBuilder), written in large batches.

const DOCS_PER_STEP = 500;
const BLOCKS_PER_WRITE = 4_000;

export interface ReindexReport {
  releases: number;
  documents: number;
  ms: number;
}

type Place = { kind: Kind; releaseId: string; locale: Lang; sortAt: number };

async function places(tx: Client): Promise<Place[]> {
  const work = await tx.releaseContent.findMany({ select: { releaseId: true, locale: true, updatedAt: true } });
  const live = await tx.publication.findMany({ select: { releaseId: true, locale: true, publishedAt: true } });
  return [
    ...work.map((w) => ({
      kind: "work" as const,
      releaseId: w.releaseId,
      locale: w.locale,
      sortAt: w.updatedAt.getTime(),
    })),
    ...live.map((p) => ({
      kind: "live" as const,
      releaseId: p.releaseId,
      locale: p.locale,
      sortAt: p.publishedAt.getTime(),
    })),
  ];
}

/** The texts of these documents (one kind and language), by release id. */
async function texts(tx: Client, kind: Kind, locale: Lang, releaseIds: string[]) {
  const where = { releaseId: { in: releaseIds }, locale };
  const select = { releaseId: true, title: true, summary: true, bodyText: true } as const;
  const rows =
    kind === "work"
      ? await tx.releaseContent.findMany({ where, select })
      : await tx.publication.findMany({ where, select });
  return new Map(rows.map((r) => [r.releaseId, r]));
}

async function sourcesOf(tx: Client, step: Place[]): Promise<(Source | null)[]> {
  const found = new Map<string, Awaited<ReturnType<typeof texts>>>();
  for (const kind of ["work", "live"] as const)
    for (const locale of ["zh", "en"] as const) {
      const ids = step.filter((p) => p.kind === kind && p.locale === locale).map((p) => p.releaseId);
      if (ids.length > 0) found.set(kind + locale, await texts(tx, kind, locale, ids));
    }
  return step.map((p) => {
    const row = found.get(p.kind + p.locale)?.get(p.releaseId);
    return row ? { ...p, title: row.title, summary: row.summary, bodyText: row.bodyText } : null;
  });
}

async function build(store: SearchStore, tx: Client, onStep: (docs: number, total: number) => void) {
  const all = await places(tx);
  const ids = await assignIds(all, async () => []);
  const order = all.map((_, i) => i).sort((a, b) => ids[a]! - ids[b]!);
  const blocks: StoredBlock[] = [];
  const builder = new BlockBuilder((key, block) => blocks.push({ ...block, key }));
  const write = async (min: number) => {
    if (blocks.length >= min) await store.insertBlocks(tx, blocks.splice(0));
  };
  let documents = 0;
  for (let start = 0; start < order.length; start += DOCS_PER_STEP) {
    const step = order.slice(start, start + DOCS_PER_STEP);
    const sources = await sourcesOf(
      tx,
      step.map((i) => all[i]!),
    );
    const rows: DocumentRow[] = [];
    sources.forEach((s, j) => {
      if (!s) return; // deleted since the first read: not in this transaction's snapshot
      const id = ids[step[j]!]!;
      builder.add(id, documentLists(docScope(s), docText(s)));
      rows.push({ id, kind: s.kind, releaseId: s.releaseId, locale: s.locale, sortAt: s.sortAt, hash: sourceHash(s) });
    });
    await store.insertDocuments(tx, rows);
    await write(BLOCKS_PER_WRITE);
    documents += rows.length;
    onStep(start + step.length, order.length);
  }
  builder.flush();
  await write(1);
  return documents;
}

export async function reindexSearch(
  db: Db,
  onProgress: (done: number, total: number) => void = () => undefined,
): Promise<ReindexReport> {
  const started = performance.now();
  const store = storeFor(db);
  const releases = await db.release.count();
  const documents = await db.$transaction(
    async (tx) => {
      await store.lock(tx);
      await store.lockIds(tx);
      await store.clear(tx);
      onProgress(0, releases);
      const n = await build(store, tx, (done, total) => onProgress(Math.round((releases * done) / total), releases));
      onProgress(releases, releases);
      await store.finish(tx);
      return n;
    },
    { timeout: 6 * 60 * 60_000, maxWait: 60_000 },
  );
  return { releases, documents, ms: Math.round(performance.now() - started) };
}

export async function searchIndexSize(db: Client): Promise<number> {
  return storeFor(db).size(db);
}

/**
 * Builds the index when it is empty but releases exist (the first start after a search
 * migration, or a database filled without the app), and merges changes left pending (a process
 * that stopped before its background merge). Returns whether it rebuilt.
 */
export async function ensureSearchIndex(db: Db): Promise<boolean> {
  const indexed = await db.$queryRawUnsafe<unknown[]>(`SELECT 1 FROM "SearchDocument" LIMIT 1`);
  if (indexed.length === 0 && (await db.releaseContent.count()) > 0) {
    await reindexSearch(db);
    return true;
  }
  await mergeSearchIndex(db);
  return false;
}
