import "server-only";
import type { Term } from "@/domain/search/query";
import type { Client, IndexDoc, Kind, Lang } from "./documents";

// What each database engine provides; sqlite.ts and postgres.ts are the only files with search SQL.

export interface StoredDoc {
  id: bigint;
  kind: Kind;
  releaseId: string;
  locale: Lang;
  hash: string;
}

export interface Filter {
  kind: Kind;
  locale?: Lang;
  /** only documents with sortAt <= this (publication time for live documents) */
  visibleAt?: number;
  limit: number;
  offset: number;
  /**
   * Matches are counted exactly up to `cap`; beyond, `total` is `cap` and `totalIsLowerBound` is
   * set. Only the first `cap` results in rank order can be paged to.
   */
  cap: number;
}

/**
 * Rank tiers: a document is in the first tier whose fields hold every term (each term may sit in
 * a different field of the tier; a phrase never spans two fields). Within a tier, newest first,
 * then the lower document id (see documents.ts). Both engines apply exactly this rule.
 */
export const TIERS = [["title"], ["title", "summary"], ["title", "summary", "body"]] as const;
export type Field = "title" | "summary" | "body";

export interface Match {
  kind: Kind;
  releaseId: string;
  locale: Lang;
  sortAt: number;
}

export interface Found {
  matches: Match[];
  /** exact when `totalIsLowerBound` is false; otherwise `filter.cap`, and there are more */
  total: number;
  totalIsLowerBound: boolean;
}

/** The slice of ranked ids a page shows, given the first `need` ids in rank order. */
export const needed = (filter: Filter) => Math.min(filter.offset + filter.limit, filter.cap);

export interface SearchEngine {
  stored(tx: Client, releaseIds: string[]): Promise<StoredDoc[]>;
  insert(tx: Client, docs: IndexDoc[]): Promise<void>;
  remove(tx: Client, ids: bigint[]): Promise<void>;
  clear(tx: Client): Promise<void>;
  /** After a full rebuild: compact the index and refresh planner statistics. */
  finish(tx: Client): Promise<void>;
  /** Ranked by tier (TIERS), then newest first; `total` counts matches up to `filter.cap`. */
  find(tx: Client, terms: Term[], filter: Filter): Promise<Found>;
  /** Bytes used by the index (tables and indexes), for the benchmark. */
  size(tx: Client): Promise<number>;
}

/** Rows per multi-row statement: few round trips, well under both engines' parameter limits. */
export const BATCH = 200;

export function chunked<T>(items: T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
