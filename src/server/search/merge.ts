import "server-only";
import { rewriteList, type ListChange } from "@/domain/search/rewrite";
import type { Db } from "../db/client";
import { log } from "../log";
import type { PendingRow, SearchStore, StoredBlock } from "./engine";
import { indexOf } from "./select";
import { StaleWrite, type Sql } from "./sql";

// Folds pending changes (sync.ts) into the blocks, oldest first, a batch per transaction (writeBatch:
// read first, then written at once; a batch another merge took first is read again). A merge
// rewrites the blocks each change falls in, which costs far more than the change itself: that is
// why saves only record changes, and merges run after the save's transaction, in the background.

const DOCS_PER_MERGE = 32;

function changesOf(rows: PendingRow[]): Map<string, ListChange> {
  const changes = new Map<string, ListChange>();
  const change = (key: string) => {
    let c = changes.get(key);
    if (!c) changes.set(key, (c = { add: new Map(), remove: new Set() }));
    return c;
  };
  for (const row of rows) {
    if (row.op === "add") {
      const lists = JSON.parse(row.lists!) as Record<string, number[]>;
      for (const key in lists) change(key).add.set(row.id, lists[key]!);
      continue;
    }
    for (const key of JSON.parse(row.lists!) as string[]) {
      const c = change(key);
      // Added and removed within this batch: it never reaches the blocks.
      if (!c.add.delete(row.id)) c.remove.add(row.id);
    }
  }
  return changes;
}

/** Merges up to `limit` pending changes; returns how many it merged (0: nothing was pending). */
export async function mergeBatch(store: SearchStore, sql: Sql, limit = DOCS_PER_MERGE): Promise<number> {
  await store.lock(sql);
  const rows = await store.firstPending(sql, limit);
  if (rows.length === 0) return 0;
  const changes = changesOf(rows);
  const pairs = [...changes].flatMap(([key, c]) => [...c.add.keys(), ...c.remove].map((id) => ({ key, id })));
  const byKey = new Map<string, StoredBlock[]>();
  for (const block of await store.blocksAround(sql, pairs)) {
    const list = byKey.get(block.key) ?? [];
    list.push(block);
    byKey.set(block.key, list);
  }
  const removed: { key: string; last: number }[] = [];
  const added: StoredBlock[] = [];
  for (const [key, change] of changes) {
    const rewrite = rewriteList(byKey.get(key) ?? [], change);
    removed.push(...rewrite.removed.map((last) => ({ key, last })));
    added.push(...rewrite.added.map((block) => ({ ...block, key })));
  }
  await store.deleteBlocks(sql, removed);
  await store.insertBlocks(sql, added);
  await store.deletePending(
    sql,
    rows.map((r) => r.seq),
  );
  return rows.length;
}

/** Merges one batch of up to `limit` pending changes; returns how many (0: nothing was pending). */
export async function mergeSearchBatch(db: Db, limit = DOCS_PER_MERGE): Promise<number> {
  const { connection, store } = indexOf(db);
  for (;;) {
    try {
      return await connection.writeBatch((sql) => mergeBatch(store, sql, limit));
    } catch (error) {
      if (!(error instanceof StaleWrite)) throw error; // another merge took these changes: read again
    }
  }
}

/** Merges everything pending, batch by batch (a transaction each, on the index's own connection). */
export async function mergeSearchIndex(db: Db, perBatch = DOCS_PER_MERGE): Promise<number> {
  let merged = 0;
  for (;;) {
    const n = await mergeSearchBatch(db, perBatch);
    if (n === 0) return merged;
    merged += n;
  }
}

// One background merge per process and database client at a time; a request during a merge
// runs another merge after it.
const running = new WeakMap<Db, { again: boolean; done: Promise<void> }>();

/**
 * Starts merging in the background (after a save's transaction); errors are logged. Off when
 * SEARCH_BACKGROUND_MERGE=0 (tests and benchmarks that merge explicitly with mergeSearchIndex).
 */
export function scheduleSearchMerge(db: Db): void {
  if (process.env.SEARCH_BACKGROUND_MERGE === "0") return;
  const current = running.get(db);
  if (current) {
    current.again = true;
    return;
  }
  const state = { again: false, done: Promise.resolve() };
  running.set(db, state);
  state.done = (async () => {
    try {
      do {
        state.again = false;
        await mergeSearchIndex(db);
      } while (state.again);
    } catch (error) {
      log.error({ err: error }, "search index: merging pending changes failed; they stay searchable and are retried");
    } finally {
      running.delete(db);
    }
  })();
}

/** Resolves when the background merge of this client (if any) is over. */
export async function searchMergeSettled(db: Db): Promise<void> {
  while (running.get(db)) await running.get(db)!.done;
}
