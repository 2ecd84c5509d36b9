import "server-only";
import { partBuilder } from "@/domain/search/build-part";
import type { Db } from "../db/client";
import { assignIds, docHash, docKey, docText, type IndexDoc, type Kind, type Placed } from "./documents";
import type { DocumentRow, PlaceRow, SearchStore, StoredBlock, TextRow } from "./engine";
import { mergeSearchIndex } from "./merge";
import { bodyBuilder, settled } from "./build-split";
import { indexOf } from "./select";
import type { Sql } from "./sql";

// Rebuilds the whole index in one transaction (readers see the old index until it commits):
// every document's id first, then the texts in id order, so each list's blocks come out whole and
// in order (BlockBuilder), written in large batches.

const DOCS_PER_STEP = 1_000;
const BLOCKS_PER_WRITE = 4_000;
const DRAIN_PART = 4_000; // blocks per part of a drain

export interface ReindexReport {
  releases: number;
  documents: number;
  /** threads that built lists: 2 with the worker thread (build-split.ts), else 1 */
  threads: number;
  ms: number;
}

/** The index's documents from the rows' dates: shared when the live snapshot is the working copy's text. */
function placesOf(rows: PlaceRow[]): Placed[] {
  return rows.flatMap((r) => {
    const at = { releaseId: r.releaseId, locale: r.locale };
    if (r.liveAt !== null && r.same) return [{ ...at, role: "shared" as const, sortAt: r.liveAt }];
    const out: Placed[] = [];
    if (r.liveAt !== null) out.push({ ...at, role: "live", sortAt: r.liveAt });
    if (r.workAt !== null) out.push({ ...at, role: "work", sortAt: r.workAt });
    return out;
  });
}

/** The documents of one step (in id order), their texts read per table and language. */
async function docsOf(store: SearchStore, sql: Sql, step: Placed[]): Promise<(IndexDoc | null)[]> {
  const kindOf = (p: Placed): Kind => (p.role === "work" ? "work" : "live");
  const found = new Map<string, Map<string, TextRow>>();
  for (const kind of ["work", "live"] as const)
    for (const locale of ["zh", "en"] as const) {
      const ids = step.filter((p) => kindOf(p) === kind && p.locale === locale).map((p) => p.releaseId);
      if (ids.length === 0) continue;
      const rows = await store.texts(sql, kind, locale, ids);
      found.set(kind + locale, new Map(rows.map((r) => [r.releaseId, r])));
    }
  return step.map((p) => {
    const row = found.get(kindOf(p) + p.locale)?.get(p.releaseId);
    return row ? { ...p, title: row.title, summary: row.summary, bodyText: row.bodyText } : null;
  });
}

/**
 * Ids for every document: the stored id when its date is unchanged (so a rebuild keeps the order
 * of documents of the same minute, which depends on the order they were indexed in), else new.
 */
async function idsFor(all: Placed[], stored: DocumentRow[]): Promise<number[]> {
  const kept = new Map(stored.map((d) => [docKey(d), d]));
  const ids = all.map((p) => {
    const d = kept.get(docKey(p));
    return d && d.sortAt === p.sortAt ? d.id : 0;
  });
  const used = new Set(ids.filter((id) => id > 0));
  const fresh = all.filter((_, i) => ids[i] === 0);
  const assigned = await assignIds(fresh, (candidates) => Promise.resolve(candidates.filter((id) => used.has(id))));
  let next = 0;
  return ids.map((id) => (id > 0 ? id : assigned[next++]!));
}

/**
 * Inserts batches of blocks one after the other, returning before the last one is written: on
 * PostgreSQL the server writes a batch while this process encodes the next (two cores at work).
 * `null` waits for the last batch. A failed batch fails the next call.
 */
function inserter(store: SearchStore, sql: Sql) {
  let last: Promise<void> = Promise.resolve();
  const one = async (batch: StoredBlock[] | null): Promise<void> => {
    await last;
    if (batch === null) return;
    last = settled(store.insertBlocks(sql, batch)); // its failure is reported by the next call
  };
  return async (blocks: StoredBlock[] | null) => {
    if (blocks === null) return one(null);
    for (let start = 0; start < blocks.length; start += BLOCKS_PER_WRITE)
      await one(blocks.slice(start, start + BLOCKS_PER_WRITE));
  };
}

type Drainable = { drain(max: number): StoredBlock[] | Promise<StoredBlock[]> };

/**
 * Writes every open block of these builders, a part of each in turn (a drain holds millions of
 * blocks), each builder's next part asked for before its last one is written: the worker's
 * parts are built while this thread builds and writes the others.
 */
async function drainInto(insert: (blocks: StoredBlock[]) => Promise<void>, sources: Drainable[], max: number) {
  const open = sources.map((source) => ({ source, part: settled(source.drain(max)) }));
  for (let i = 0; open.length > 0;) {
    i %= open.length;
    const blocks = await open[i]!.part;
    if (blocks.length === 0) {
      open.splice(i, 1); // this drain has ended
      continue;
    }
    open[i]!.part = settled(open[i]!.source.drain(max));
    await insert(blocks);
    i++;
  }
}

/** The step's documents that still exist, with their ids and rows. */
async function stepDocs(store: SearchStore, sql: Sql, places: Placed[], ids: number[]) {
  const docs = await docsOf(store, sql, places);
  const present = docs.flatMap((d, j) => (d ? [{ doc: d, id: ids[j]! }] : []));
  const rows: DocumentRow[] = present.map(({ doc: d, id }) => ({
    id,
    role: d.role,
    releaseId: d.releaseId,
    locale: d.locale,
    sortAt: d.sortAt,
    hash: docHash(d),
  }));
  return { ids: present.map((p) => p.id), docs: present.map((p) => p.doc), rows };
}

/**
 * Builds every list, step by step in id order: the bodies' lists in a worker thread (a step ahead),
 * the titles' and summaries' here, and writes their blocks (build-split.ts).
 */
async function build(store: SearchStore, sql: Sql, onStep: (docs: number, total: number) => void) {
  const all = placesOf(await store.places(sql));
  // The stored rows are only read here, so that they are not kept (per document) while building.
  const ids = await idsFor(all, await store.allDocuments(sql));
  await store.clear(sql);
  const order = all.map((_, i) => i).sort((a, b) => ids[a]! - ids[b]!);
  const heads = partBuilder(["title", "summary"]);
  const bodies = await bodyBuilder();
  const insert = inserter(store, sql);
  let documents = 0;
  let previous: Promise<{ blocks: StoredBlock[]; full: boolean }> = Promise.resolve({ blocks: [], full: false });
  try {
    for (let start = 0; start < order.length; start += DOCS_PER_STEP) {
      const step = order.slice(start, start + DOCS_PER_STEP);
      const {
        ids: stepIds,
        docs,
        rows,
      } = await stepDocs(
        store,
        sql,
        step.map((i) => all[i]!),
        step.map((i) => ids[i]!),
      );
      // The worker builds this step's bodies while this thread writes the previous step's.
      const done = previous;
      previous = settled(
        bodies.add(
          stepIds,
          docs.map((d) => d.bodyText),
        ),
      );
      await insert(heads.add(stepIds, docs.map(docText)));
      const body = await done;
      await insert(body.blocks);
      const full = [...(body.full ? [bodies] : []), ...(heads.full ? [heads] : [])];
      if (full.length > 0) await drainInto(insert, full, DRAIN_PART);
      await store.insertDocuments(sql, rows);
      documents += rows.length;
      onStep(start + step.length, order.length);
    }
    const body = await previous;
    await insert(body.blocks);
    await drainInto(insert, [bodies, heads], DRAIN_PART);
    await insert(null);
  } finally {
    await bodies.close();
  }
  return { documents, threads: bodies.inWorker ? 2 : 1 };
}

/**
 * Rebuilds the whole index in one transaction on the index's own connection (readers see the old
 * index until it commits). `onProgress` counts releases.
 */
export async function reindexSearch(
  db: Db,
  onProgress: (done: number, total: number) => void = () => undefined,
): Promise<ReindexReport> {
  const started = performance.now();
  const { connection, store } = indexOf(db);
  const releases = await db.release.count();
  const built = await connection.write(async (sql) => {
    await store.lock(sql);
    await store.lockIds(sql);
    onProgress(0, releases);
    await store.bulkCache(sql, true);
    try {
      const n = await build(store, sql, (done, total) => onProgress(Math.round((releases * done) / total), releases));
      await store.finish(sql);
      return n;
    } finally {
      await store.bulkCache(sql, false);
    }
  });
  onProgress(releases, releases);
  return { releases, ...built, ms: Math.round(performance.now() - started) };
}

export async function searchIndexSize(db: Db): Promise<number> {
  const { connection, store } = indexOf(db);
  return store.size(connection.read);
}

/**
 * Builds the index when it is empty but releases exist (the first start after a search
 * migration, or a database filled without the app), and merges changes left pending (a process
 * that stopped before its background merge). Returns whether it rebuilt.
 */
export async function ensureSearchIndex(db: Db, onProgress?: (done: number, total: number) => void): Promise<boolean> {
  const indexed = await db.$queryRawUnsafe<unknown[]>(`SELECT 1 FROM "SearchDocument" LIMIT 1`);
  if (indexed.length === 0 && (await db.releaseContent.count()) > 0) {
    await reindexSearch(db, onProgress);
    return true;
  }
  await mergeSearchIndex(db);
  return false;
}
