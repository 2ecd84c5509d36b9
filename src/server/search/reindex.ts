import "server-only";
import { BlockBuilder } from "@/domain/search/build";
import type { EncodedBlock } from "@/domain/search/codec";
import { documentLists } from "@/domain/search/lists";
import type { Db } from "../db/client";
import { assignIds, docHash, docKey, docText, type IndexDoc, type Kind, type Placed } from "./documents";
import type { DocumentRow, PlaceRow, SearchStore, StoredBlock, TextRow } from "./engine";
import { mergeSearchIndex } from "./merge";
import { indexOf } from "./select";
import type { Sql } from "./sql";

// Rebuilds the whole index in one transaction (readers see the old index until it commits):
// every document's id first, then the texts in id order, so each list's blocks come out whole and
// in order (BlockBuilder), written in large batches.

const DOCS_PER_STEP = 1_000;
const BLOCKS_PER_WRITE = 4_000;

export interface ReindexReport {
  releases: number;
  documents: number;
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
  return async (batch: StoredBlock[] | null): Promise<void> => {
    await last;
    if (batch === null) return;
    last = store.insertBlocks(sql, batch);
    last.catch(() => undefined); // awaited by the next call; not an unhandled rejection meanwhile
  };
}

async function build(
  store: SearchStore,
  sql: Sql,
  stored: DocumentRow[],
  onStep: (docs: number, total: number) => void,
) {
  const all = placesOf(await store.places(sql));
  const ids = await idsFor(all, stored);
  const order = all.map((_, i) => i).sort((a, b) => ids[a]! - ids[b]!);
  const blocks: StoredBlock[] = [];
  // A literal of one shape, not a spread: millions of blocks pass here.
  const keyed = (key: string, b: EncodedBlock): StoredBlock => ({
    key,
    last: b.last,
    n: b.n,
    docs: b.docs,
    pos: b.pos,
  });
  const builder = new BlockBuilder((key, block) => blocks.push(keyed(key, block)));
  const insert = inserter(store, sql);
  // Full blocks come out in no order: each batch is sorted, so rows go into the key index in runs.
  const write = async () => {
    const batch = blocks.splice(0).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.last - b.last));
    await insert(batch);
  };
  // Open blocks come out in key order.
  const drain = async () => {
    for (const [key, block] of builder.drain()) {
      blocks.push(keyed(key, block));
      if (blocks.length >= BLOCKS_PER_WRITE) await insert(blocks.splice(0));
    }
    await insert(blocks.splice(0));
    await insert(null);
  };
  let documents = 0;
  for (let start = 0; start < order.length; start += DOCS_PER_STEP) {
    const step = order.slice(start, start + DOCS_PER_STEP);
    const docs = await docsOf(
      store,
      sql,
      step.map((i) => all[i]!),
    );
    const rows: DocumentRow[] = [];
    docs.forEach((d, j) => {
      if (!d) return;
      const id = ids[step[j]!]!;
      builder.add(id, documentLists(docText(d)));
      rows.push({ id, role: d.role, releaseId: d.releaseId, locale: d.locale, sortAt: d.sortAt, hash: docHash(d) });
    });
    await store.insertDocuments(sql, rows);
    if (blocks.length >= BLOCKS_PER_WRITE) await write();
    if (builder.full) {
      await write();
      await drain();
    }
    documents += rows.length;
    onStep(start + step.length, order.length);
  }
  await write();
  await drain();
  return documents;
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
  const documents = await connection.write(async (sql) => {
    await store.lock(sql);
    await store.lockIds(sql);
    const stored = await store.allDocuments(sql);
    await store.clear(sql);
    onProgress(0, releases);
    await store.bulkCache(sql, true);
    try {
      const n = await build(store, sql, stored, (done, total) =>
        onProgress(Math.round((releases * done) / total), releases),
      );
      await store.finish(sql);
      return n;
    } finally {
      await store.bulkCache(sql, false);
    }
  });
  onProgress(releases, releases);
  return { releases, documents, ms: Math.round(performance.now() - started) };
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
export async function ensureSearchIndex(db: Db): Promise<boolean> {
  const indexed = await db.$queryRawUnsafe<unknown[]>(`SELECT 1 FROM "SearchDocument" LIMIT 1`);
  if (indexed.length === 0 && (await db.releaseContent.count()) > 0) {
    await reindexSearch(db);
    return true;
  }
  await mergeSearchIndex(db);
  return false;
}
