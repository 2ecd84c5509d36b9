// Views per release (docs/PRESS-KIT.md "Views"): the front server counts article views in memory
// and hands batches to the app, which adds them to the database. The app registers the sink
// (src/instrumentation.ts); without one (next dev / next start) nothing is counted.

/** Views of one article page (edition and slug as in its URL) on one day. */
export interface ViewCount {
  /** "2026-12-04", in the agency time zone */
  day: string;
  edition: string;
  slug: string;
  count: number;
}

export interface ViewSink {
  /** Adds the counts; rejects when the database did not take them (the front server keeps them). */
  record(batch: readonly ViewCount[]): Promise<void>;
}

declare global {
  var newsroomViews: ViewSink | undefined;
}

export const viewSink = (): ViewSink | undefined => globalThis.newsroomViews;

/** The article page of an edition: /zh/news/<slug>. The edition and the slug, else null. */
const ARTICLE = /^\/([a-z]{2}(?:-[A-Za-z]{4})?)\/news\/([^/]+)$/;
export function articleOfPath(path: string): { edition: string; slug: string } | null {
  const m = ARTICLE.exec(path);
  return m && m[2] !== "page" ? { edition: m[1]!, slug: m[2]! } : null;
}
