import "server-only";
import type { Term } from "@/domain/search/query";
import type { Client, IndexDoc, Kind, Lang } from "./documents";

// What each database engine provides; sqlite.ts and postgres.ts are the only files with search SQL.

export interface StoredDoc {
  id: number;
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
}

export interface Match {
  kind: Kind;
  releaseId: string;
  locale: Lang;
  sortAt: number;
}

export interface SearchEngine {
  stored(tx: Client, releaseIds: string[]): Promise<StoredDoc[]>;
  insert(tx: Client, docs: IndexDoc[]): Promise<void>;
  remove(tx: Client, ids: number[]): Promise<void>;
  clear(tx: Client): Promise<void>;
  /** After a full rebuild: compact the index and refresh planner statistics. */
  finish(tx: Client): Promise<void>;
  /** Ranked by relevance, then newest first; `total` counts every match. */
  find(tx: Client, terms: Term[], filter: Filter): Promise<{ matches: Match[]; total: number }>;
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
