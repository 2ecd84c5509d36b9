import "server-only";
import { cache } from "react";
import { unstable_cache } from "next/cache";
import { TAGS } from "../cache-tags";
import { db } from "../db";
import { noteEmbargoHorizon, reportCacheTags } from "../front-bridge";
import { nextEmbargoEnd } from "./public-queries";

// Next's data cache around the public reads. Entries are small (a page of rows, a month list, one
// article: never the archive) and keyed by the next embargo end ("horizon"): until then, what is
// visible cannot change by itself, so an entry stays exact; once an embargo ends the key changes
// and the next read goes to the database. Publish and withdraw expire entries by tag.

/** When the request reads, and the next embargo end after that (null: none). */
export interface Visibility {
  now: Date;
  horizon: number | null;
  /**
   * false: the reads do not report their tags to the response cache; the caller reports what its
   * response shows itself (a sitemap shard reads the month counts only to find its own range).
   */
  reportTags?: boolean;
}

/** One clock per render, so the page and its metadata agree and the horizon is read once. */
export const requestNow = cache(() => new Date());

const seen = new WeakMap<Date, Promise<Visibility>>();

async function readVisibility(now: Date): Promise<Visibility> {
  const next = await nextEmbargoEnd(now);
  await expireNoLaterThan(next, now);
  noteEmbargoHorizon(next ? next.getTime() : null); // responses cached by the server expire then too
  return { now, horizon: next ? next.getTime() : null };
}

/**
 * Reads the horizon and caps the lifetime of whatever is being rendered at it, so a page rendered
 * before an embargo ends is rendered again once it has. Every public read model starts here; one
 * request uses one `now` (requestNow() in pages, a Date passed along in route handlers), so the
 * horizon is read once per request.
 */
export function visibility(now: Date): Promise<Visibility> {
  let v = seen.get(now);
  if (!v) {
    v = readVisibility(now);
    seen.set(now, v);
  }
  return v;
}

const perRequest = new WeakMap<Visibility, Map<string, Promise<unknown>>>();

/**
 * `read()` through Next's data cache under `key` (with the catch-all tag and `tags`; JSON values
 * only), and once per request: the page, its metadata and the views it renders share one read.
 * The tags are also reported to the front server: the response being made shows this data.
 */
export function cachedRead<T>(
  v: Visibility,
  key: (string | number | null)[],
  tags: string[],
  read: () => Promise<T>,
): Promise<T> {
  if (v.reportTags !== false) reportCacheTags(tags);
  let memo = perRequest.get(v);
  if (!memo) perRequest.set(v, (memo = new Map<string, Promise<unknown>>()));
  const id = JSON.stringify(key);
  let result = memo.get(id) as Promise<T> | undefined;
  if (!result) {
    const parts = ["public-v2", ...key.map((k) => String(k))];
    result = unstable_cache(read, parts, { tags: [TAGS.publications, ...tags] })();
    memo.set(id, result);
  }
  return result;
}

export interface CategoryRow {
  id: string;
  slug: string;
  nameZh: string;
  nameEn: string;
}

export const loadCategories = unstable_cache(
  async (): Promise<CategoryRow[]> =>
    db().category.findMany({
      orderBy: [{ position: "asc" }, { slug: "asc" }],
      select: { id: true, slug: true, nameZh: true, nameEn: true },
    }),
  ["public-categories-v1"],
  { tags: [TAGS.categories] },
);

/**
 * Caps the lifetime of whatever is being cached right now (the page or route being rendered) so it
 * expires no later than `until`. unstable_cache lowers the enclosing render's revalidate time to
 * its own; outside a cached render this does nothing.
 */
export async function expireNoLaterThan(until: Date | null, now: Date): Promise<void> {
  if (!until) return;
  const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  await unstable_cache(() => Promise.resolve(true), ["public-lifetime-cap"], { revalidate: seconds })();
}
