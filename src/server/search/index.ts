import "server-only";
import { parseQuery, type Marks, type Rejection } from "@/domain/search/query";
import type { Client, ContentLocale } from "./documents";
import { findMatches, type Filter, type Match } from "./find";
import { liveHits, workHits, type SearchHit, type WorkHit } from "./hits";
import type { SearchStore } from "./engine";
import { indexOf } from "./select";
import type { Sql } from "./sql";

// Full-text search over published releases (public) and working copies (admin).
// See docs/SEARCH.md for tokenization, ranking and limits.

export type { Segment } from "@/domain/search/snippet";
export type { SearchHit, WorkHit } from "./hits";
export type { Rejection } from "@/domain/search/query";
export { ensureSearchIndex, reindexSearch, searchIndexSize, type ReindexReport } from "./reindex";
export { mergeSearchBatch, mergeSearchIndex, scheduleSearchMerge, searchMergeSettled } from "./merge";
export { beginSearchSync, indexNewReleases, syncSearchIndex } from "./sync";

export const DEFAULT_PAGE_SIZE = 10;
export const MAX_PAGE_SIZE = 50;
export const MAX_PAGE = 500;
/**
 * Matches are counted exactly up to this many; beyond, `total` is this number and
 * `totalIsLowerBound` is true ("1,000+ results"). Only this many results can be paged through.
 */
export const MAX_RESULTS = 1_000;

export interface SearchOptions {
  /** only this language; both when omitted */
  locale?: ContentLocale;
  /** 1-based; clamped to 1..MAX_PAGE */
  page?: number;
  pageSize?: number;
  /** count (and page) up to this many instead of MAX_RESULTS (tests); clamped to 1..MAX_RESULTS */
  cap?: number;
}

export interface SearchResult<H> {
  items: H[];
  /** matches, counted up to MAX_RESULTS; see totalIsLowerBound */
  total: number;
  /** true when there are more than MAX_RESULTS matches: `total` is then MAX_RESULTS ("1000+") */
  totalIsLowerBound: boolean;
  page: number;
  pageSize: number;
  /** pages of `total`; items exist only for pages within the first MAX_RESULTS results */
  pages: number;
  /** the query as searched: trimmed, whitespace collapsed, cut to MAX_QUERY_CHARS */
  query: string;
  truncated: boolean;
  /** set when nothing was searched: blank query, or no letters/digits/CJK in it */
  rejected?: Rejection;
}

async function run<H>(
  db: Client,
  raw: unknown,
  options: SearchOptions,
  base: Pick<Filter, "kind" | "visibleAt">,
  toHits: (store: SearchStore, sql: Sql, matches: Match[], marks: Marks) => Promise<H[]>,
): Promise<SearchResult<H>> {
  const page = clamp(options.page, 1, MAX_PAGE, 1);
  const pageSize = clamp(options.pageSize, 1, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE);
  const parsed = parseQuery(raw);
  const empty = {
    items: [],
    total: 0,
    totalIsLowerBound: false,
    page,
    pageSize,
    pages: 0,
    query: parsed.query,
    truncated: parsed.truncated,
  };
  if (!parsed.ok) return { ...empty, rejected: parsed.rejected };
  const filter: Filter = {
    ...base,
    limit: pageSize,
    offset: (page - 1) * pageSize,
    cap: clamp(options.cap, 1, MAX_RESULTS, MAX_RESULTS),
  };
  if (options.locale) filter.locale = options.locale;
  const { connection, store } = indexOf(db);
  const { matches, total, totalIsLowerBound } = await findMatches(store, connection.read, parsed.terms, filter);
  const items = await toHits(store, connection.read, matches, parsed.marks);
  return { ...empty, items, total, totalIsLowerBound, pages: Math.ceil(total / pageSize) };
}

function clamp(value: number | undefined, min: number, max: number, fallback: number): number {
  if (value === undefined || !Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, Math.trunc(value)));
}

/** Public search: live snapshots whose publication time has passed. Never throws on bad input. */
export function searchPublished(
  db: Client,
  query: unknown,
  options: SearchOptions & { now?: Date } = {},
): Promise<SearchResult<SearchHit>> {
  const visibleAt = (options.now ?? new Date()).getTime();
  return run(db, query, options, { kind: "live", visibleAt }, liveHits);
}

/** Admin search: every working copy, whatever its status. */
export function searchWorking(db: Client, query: unknown, options: SearchOptions = {}): Promise<SearchResult<WorkHit>> {
  return run(db, query, options, { kind: "work" }, workHits);
}
