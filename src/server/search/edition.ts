import "server-only";
import { openccToHans } from "@/domain/hant/opencc";
import { parseQuery } from "@/domain/search/query";
import type { Segment } from "@/domain/search/snippet";
import { contentLocaleOf, type Locale } from "@/i18n/settings";
import { textsFor } from "../hant/edition";
import type { Client } from "./documents";
import type { SearchHit } from "./hits";
import { searchPublished, type SearchOptions, type SearchResult } from "./index";

// Public search in a site edition. The index holds the Chinese original (Simplified) only: a
// Chinese query (on /zh or /zh-Hant) is converted Traditional → Simplified first, so either
// script finds the same releases; on /zh-Hant the hits are shown converted back. The query shown
// is the reader's own.

const segmentsIn = (segments: Segment[], t: (s: string) => string) => segments.map((s) => ({ ...s, text: t(s.text) }));

export async function searchEdition(
  db: Client,
  query: string,
  options: Omit<SearchOptions, "locale"> & { locale: Locale; now?: Date },
): Promise<SearchResult<SearchHit>> {
  const source = contentLocaleOf(options.locale);
  const searched = source === "zh" ? openccToHans(query) : query;
  const result = await searchPublished(db, searched, { ...options, locale: source });
  const t = await textsFor(options.locale);
  return {
    ...result,
    query: parseQuery(query).query,
    items: result.items.map((hit) => ({
      ...hit,
      title: segmentsIn(hit.title, t),
      snippet: segmentsIn(hit.snippet, t),
    })),
  };
}
