import "server-only";
import type { Marks } from "@/domain/search/query";
import { highlight, snippet, type Segment } from "@/domain/search/snippet";
import type { Kind, ContentLocale } from "./documents";
import type { HitRow, SearchStore } from "./engine";
import type { Match } from "./find";
import type { Sql } from "./sql";

// Turns ranked matches into what a results page shows, reading the rows the index mirrors.

export interface SearchHit {
  releaseId: string;
  locale: ContentLocale;
  slug: string;
  title: Segment[];
  /** around the first hit in the summary, else the body; "…" segments mark cuts */
  snippet: Segment[];
  /** live: publication time; work: last edit */
  date: Date;
}

export interface WorkHit extends SearchHit {
  status: "DRAFT" | "TRANSLATED" | "PUBLISHED";
}

const key = (r: { releaseId: string; locale: string }) => `${r.releaseId}:${r.locale}`;

function hit(row: HitRow, marks: Marks): SearchHit {
  return {
    releaseId: row.releaseId,
    locale: row.locale,
    slug: row.slug,
    title: highlight(row.title, marks),
    snippet: snippet([row.summary, row.bodyText], marks),
    date: new Date(row.at),
  };
}

async function rowsOf(store: SearchStore, sql: Sql, kind: Kind, matches: Match[]): Promise<HitRow[]> {
  const rows = new Map((await store.hitRows(sql, kind, matches)).map((r) => [key(r), r]));
  // In match order; a row deleted since the match is skipped.
  return matches.flatMap((m) => rows.get(key(m)) ?? []);
}

export async function liveHits(store: SearchStore, sql: Sql, matches: Match[], marks: Marks): Promise<SearchHit[]> {
  return (await rowsOf(store, sql, "live", matches)).map((r) => hit(r, marks));
}

export async function workHits(store: SearchStore, sql: Sql, matches: Match[], marks: Marks): Promise<WorkHit[]> {
  return (await rowsOf(store, sql, "work", matches)).map((r) => ({ ...hit(r, marks), status: r.status }));
}
