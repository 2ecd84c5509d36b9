import "server-only";
import type { Marks } from "@/domain/search/query";
import { highlight, snippet, type Segment } from "@/domain/search/snippet";
import type { Client, Lang } from "./documents";
import type { Match } from "./find";

// Turns ranked matches into what a results page shows, reading the rows the index mirrors.

export interface SearchHit {
  releaseId: string;
  locale: Lang;
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

const pairs = (matches: Match[]) => ({ OR: matches.map((m) => ({ releaseId: m.releaseId, locale: m.locale })) });
const key = (r: { releaseId: string; locale: string }) => `${r.releaseId}:${r.locale}`;
const text = { releaseId: true, locale: true, title: true, summary: true, bodyText: true, slug: true } as const;

function hit(
  row: { releaseId: string; locale: string; title: string; summary: string; bodyText: string; slug: string },
  marks: Marks,
  date: Date,
): SearchHit {
  return {
    releaseId: row.releaseId,
    locale: row.locale as Lang,
    slug: row.slug,
    title: highlight(row.title, marks),
    snippet: snippet([row.summary, row.bodyText], marks),
    date,
  };
}

/** In match order; a row deleted since the match is skipped. */
export async function liveHits(tx: Client, matches: Match[], marks: Marks): Promise<SearchHit[]> {
  if (matches.length === 0) return [];
  const rows = await tx.publication.findMany({ where: pairs(matches), select: { ...text, publishedAt: true } });
  const byKey = new Map(rows.map((r) => [key(r), r]));
  return matches.flatMap((m) => {
    const row = byKey.get(key(m));
    return row ? [hit(row, marks, row.publishedAt)] : [];
  });
}

export async function workHits(tx: Client, matches: Match[], marks: Marks): Promise<WorkHit[]> {
  if (matches.length === 0) return [];
  const rows = await tx.releaseContent.findMany({
    where: pairs(matches),
    select: { ...text, updatedAt: true, release: { select: { status: true } } },
  });
  const byKey = new Map(rows.map((r) => [key(r), r]));
  return matches.flatMap((m) => {
    const row = byKey.get(key(m));
    return row ? [{ ...hit(row, marks, row.updatedAt), status: row.release.status }] : [];
  });
}
