import "server-only";
import type { EncodedBlock } from "@/domain/search/codec";
import type { BlockRequest, BlockRow } from "@/domain/search/cursor";
import type { Client, Kind, Lang } from "./documents";

// Storage of the index, one implementation per database engine (sqlite.ts, postgres.ts: the only
// files with search SQL). Both store the same bytes: blocks of postings built by the app, and the
// changes not yet folded into them. Ranking runs in the app (src/domain/search/rank.ts), so both
// engines return the same results.

export interface DocumentRow {
  id: number;
  kind: Kind;
  releaseId: string;
  locale: Lang;
  sortAt: number;
  hash: string;
}

/** A change not yet in the blocks: a document added (its lists) or removed (its keys, if known). */
export interface PendingRow {
  seq: number;
  id: number;
  scope: string;
  op: "add" | "remove";
  /** add: JSON {key: positions}; remove: JSON [key], or null when the keys are unknown */
  lists: string | null;
}

export interface StoredBlock extends EncodedBlock {
  key: string;
}

export interface SearchStore {
  /** Serializes writers of blocks (merges, rebuilds) across connections, until the transaction ends. */
  lock(tx: Client): Promise<void>;
  /** Serializes the choice of new document ids (sync), until the transaction ends. */
  lockIds(tx: Client): Promise<void>;

  documentsOf(tx: Client, releaseIds: string[]): Promise<DocumentRow[]>;
  documentsById(tx: Client, ids: number[]): Promise<DocumentRow[]>;
  /** Which of these ids are in use: a document, or a removal not yet merged. */
  takenIds(tx: Client, ids: number[]): Promise<number[]>;
  /** Ids in [from, to) whose sortAt is after `at` (the minute of `at`, see idFloor). */
  notYetVisible(tx: Client, from: number, to: number, at: number): Promise<number[]>;
  insertDocuments(tx: Client, docs: DocumentRow[]): Promise<void>;
  deleteDocuments(tx: Client, ids: number[]): Promise<void>;

  pending(tx: Client, scopes: string[]): Promise<PendingRow[]>;
  /** The oldest pending changes that can be merged (not removals of unknown keys). */
  firstPending(tx: Client, limit: number): Promise<PendingRow[]>;
  insertPending(tx: Client, rows: Omit<PendingRow, "seq">[]): Promise<void>;
  deletePending(tx: Client, seqs: number[]): Promise<void>;

  fetchBlocks(tx: Client, requests: BlockRequest[]): Promise<BlockRow[][]>;
  /** Per (key, id): the first block of `key` whose last id is ≥ id, else the key's last block. */
  blocksAround(tx: Client, pairs: { key: string; id: number }[]): Promise<StoredBlock[]>;
  deleteBlocks(tx: Client, blocks: { key: string; last: number }[]): Promise<void>;
  insertBlocks(tx: Client, blocks: StoredBlock[]): Promise<void>;

  /** Empties the index (documents, blocks, pending changes). */
  clear(tx: Client): Promise<void>;
  /** After a full rebuild: refresh planner statistics. */
  finish(tx: Client): Promise<void>;
  /** Bytes used by the index (tables and their indexes). */
  size(tx: Client): Promise<number>;
}

/** Rows per multi-row statement: few round trips, under both engines' parameter limits. */
export const BATCH = 500;

export function chunked<T>(items: T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
