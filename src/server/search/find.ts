import "server-only";
import type { ContentLocale } from "@/i18n/settings";
import type { ExtraPostings } from "@/domain/search/cursor";
import { FIELDS, LANGS, listKey, visibleTags } from "@/domain/search/lists";
import type { Term } from "@/domain/search/query";
import { rank } from "@/domain/search/rank";
import { idFloor, scopesOf, SLOTS, type Kind } from "./documents";
import type { PendingRow, SearchStore } from "./engine";
import type { Sql } from "./sql";

// One search: the ranked ids of a page and the capped count, from the stored blocks plus the
// changes not yet folded into them.

export interface Filter {
  kind: Kind;
  locale?: ContentLocale;
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

export interface Match {
  releaseId: string;
  locale: ContentLocale;
  sortAt: number;
}

export interface Found {
  matches: Match[];
  /** exact when `totalIsLowerBound` is false; otherwise `filter.cap`, and there are more */
  total: number;
  totalIsLowerBound: boolean;
}

/** The keys a query reads: every token of every term, in every field. */
function keysOf(terms: Term[]): Set<string> {
  const keys = new Set<string>();
  for (const t of terms) for (const { token } of t.tokens) for (const field of FIELDS) keys.add(listKey(field, token));
  return keys;
}

/** Pending additions as extra postings of the query's lists; pending removals as dead ids. */
function pendingChanges(rows: PendingRow[], keys: Set<string>) {
  const extra = new Map<string, ExtraPostings>();
  const dead = new Set<number>();
  for (const row of rows) {
    if (row.op === "remove") {
      dead.add(row.id);
      continue;
    }
    const lists = JSON.parse(row.lists ?? "{}") as Record<string, number[]>;
    for (const key of keys) {
      const positions = lists[key];
      if (!positions) continue;
      let list = extra.get(key);
      if (!list) extra.set(key, (list = { ids: [], positions: [] }));
      list.ids.push(row.id);
      list.positions.push(positions);
    }
  }
  for (const list of extra.values()) {
    const order = list.ids.map((_, i) => i).sort((a, b) => list.ids[a]! - list.ids[b]!);
    list.ids = order.map((i) => list.ids[i]!);
    list.positions = order.map((i) => list.positions[i]!);
  }
  return { extra, dead };
}

export async function findMatches(store: SearchStore, sql: Sql, terms: Term[], filter: Filter): Promise<Found> {
  const scopes = scopesOf(filter.kind, filter.locale ? [filter.locale] : LANGS);
  const { extra, dead } = pendingChanges(await store.pending(sql, scopes), keysOf(terms));
  let from = 0;
  if (filter.visibleAt !== undefined) {
    from = idFloor(filter.visibleAt);
    for (const id of await store.notYetVisible(sql, from, from + 8 * SLOTS, filter.visibleAt)) dead.add(id);
  }
  const need = Math.min(filter.offset + filter.limit, filter.cap);
  const ranked = await rank(
    {
      terms,
      from,
      tags: visibleTags(filter.kind, filter.locale),
      need: filter.offset < need ? need : 0,
      cap: filter.cap,
      extra,
      dead,
    },
    (requests) => store.fetchBlocks(sql, requests),
  );
  const page = ranked.ids.slice(filter.offset);
  const rows = new Map((await store.documentsById(sql, page)).map((d) => [d.id, d]));
  const matches = page.flatMap((id) => {
    const d = rows.get(id);
    return d ? [{ releaseId: d.releaseId, locale: d.locale, sortAt: d.sortAt }] : [];
  });
  return {
    matches,
    total: Math.min(ranked.counted, filter.cap),
    totalIsLowerBound: ranked.counted > filter.cap,
  };
}
