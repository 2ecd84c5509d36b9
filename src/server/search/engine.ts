import "server-only";
import type { EncodedBlock } from "@/domain/search/codec";
import type { BlockRequest, BlockRow } from "@/domain/search/cursor";
import type { Kind, ContentLocale, Role } from "./documents";
import type { Sql } from "./sql";

// Storage of the index, one implementation per database engine (sqlite.ts, postgres.ts: the only
// files with search SQL). Both store the same bytes: blocks of postings built by the app, and the
// changes not yet folded into them. Ranking runs in the app (src/domain/search/rank.ts), so both
// engines return the same results.

export interface DocumentRow {
  id: number;
  role: Role;
  releaseId: string;
  locale: ContentLocale;
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

export interface Place {
  role: Role;
  releaseId: string;
  locale: ContentLocale;
  sortAt: number;
}

/** A release's language in the index: its working copy's last edit and its live snapshot's date. */
export interface PlaceRow {
  releaseId: string;
  locale: ContentLocale;
  workAt: number | null;
  liveAt: number | null;
  /** the live snapshot has the working copy's text */
  same: boolean;
}

export interface TextRow {
  releaseId: string;
  title: string;
  summary: string;
  bodyText: string;
}

export interface HitRow extends TextRow {
  locale: ContentLocale;
  slug: string;
  /** live: publication time; work: last edit (ms) */
  at: number;
  /** the release's status */
  status: "DRAFT" | "TRANSLATED" | "PUBLISHED";
}

export interface StoredBlock extends EncodedBlock {
  key: string;
}

export interface SearchStore {
  /** Serializes writers of blocks (merges, rebuilds) across connections, until the transaction ends. */
  lock(sql: Sql): Promise<void>;
  /** Serializes the choice of new document ids (sync), until the transaction ends. */
  lockIds(sql: Sql): Promise<void>;

  documentsOf(sql: Sql, releaseIds: string[]): Promise<DocumentRow[]>;
  documentsById(sql: Sql, ids: number[]): Promise<DocumentRow[]>;
  allDocuments(sql: Sql): Promise<DocumentRow[]>;
  /** Which of these ids are in use: a document, or a removal not yet merged. */
  takenIds(sql: Sql, ids: number[]): Promise<number[]>;
  /** Ids in [from, to) whose sortAt is after `at` (the minute of `at`, see idFloor). */
  notYetVisible(sql: Sql, from: number, to: number, at: number): Promise<number[]>;
  insertDocuments(sql: Sql, docs: DocumentRow[]): Promise<void>;
  deleteDocuments(sql: Sql, ids: number[]): Promise<void>;

  pending(sql: Sql, scopes: string[]): Promise<PendingRow[]>;
  /** The oldest pending changes that can be merged (not removals of unknown keys). */
  firstPending(sql: Sql, limit: number): Promise<PendingRow[]>;
  insertPending(sql: Sql, rows: Omit<PendingRow, "seq">[]): Promise<void>;
  deletePending(sql: Sql, seqs: number[]): Promise<void>;

  fetchBlocks(sql: Sql, requests: BlockRequest[]): Promise<BlockRow[][]>;
  /** Per (key, id): the first block of `key` whose last id is ≥ id, else the key's last block. */
  blocksAround(sql: Sql, pairs: { key: string; id: number }[]): Promise<StoredBlock[]>;
  deleteBlocks(sql: Sql, blocks: { key: string; last: number }[]): Promise<void>;
  insertBlocks(sql: Sql, blocks: StoredBlock[]): Promise<void>;
  /** A rebuild's larger page cache, on (before) or off (after), where the engine's client keeps one. */
  bulkCache(sql: Sql, on: boolean): Promise<void>;

  /** Every working copy and live snapshot (for a rebuild): dates, and whether their texts are the same. */
  places(sql: Sql): Promise<PlaceRow[]>;
  /** Title, summary and body text of these releases' working copies (work) or live snapshots (live). */
  texts(sql: Sql, kind: Kind, locale: ContentLocale, releaseIds: string[]): Promise<TextRow[]>;

  /** What a results page shows of these documents (one kind), in no particular order. */
  hitRows(sql: Sql, kind: Kind, docs: { releaseId: string; locale: ContentLocale }[]): Promise<HitRow[]>;

  /**
   * Before a full rebuild: an empty index for the rebuild's transaction to write. Searches keep
   * reading the live one: on SQLite until the commit; on PostgreSQL the new tables are built beside
   * the live ones and replace them in finish.
   */
  clear(sql: Sql): Promise<void>;
  /** After a full rebuild: the key index of the blocks, if clear dropped it; planner statistics; the swap. */
  finish(sql: Sql): Promise<void>;
  /** Bytes used by the index (tables and their indexes). */
  size(sql: Sql): Promise<number>;
}

/** Rows per multi-row statement: few round trips, under both engines' parameter limits. */
export const BATCH = 500;

export function chunked<T>(items: T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
