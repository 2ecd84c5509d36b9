import "server-only";
import { encodeCursor, type Cursor } from "@/domain/public/cursor";
import { absolute } from "@/domain/public/urls";
import type { Locale } from "@/i18n/settings";
import { env } from "./env";
import { categoriesById, itemJson } from "./public-api";
import { listByCategory, listPublished, totalPublished, type PublicItem } from "./releases/public";
import { counterpartsOf, listAfter } from "./releases/public-article";
import { visibility } from "./releases/public-cache";

// One page of GET /api/v1/releases: by keyset cursor (links.next), or by page number for older clients.

export interface ListQuery {
  locale: Locale;
  category: { id: string; slug: string } | null;
  limit: number;
  page?: number;
  cursor?: Cursor;
}

async function pageOf(q: ListQuery, now: Date) {
  if (q.cursor) {
    const { items, more } = await listAfter(q.locale, q.category?.id ?? null, q.cursor, q.limit, now);
    return { items, more, paging: null, total: await totalPublished(q.locale, q.category?.id ?? null, now) };
  }
  const n = q.page ?? 1;
  const result = q.category
    ? await listByCategory(q.locale, q.category.id, n, now, q.limit)
    : await listPublished(q.locale, n, now, q.limit);
  if (!result) return null;
  const paging = { page: result.page, pages: result.pages };
  return { items: result.items, more: result.page < result.pages, paging, total: result.total };
}

/** The response body, or null when `page` is past the last page. */
export async function releaseListBody(q: ListQuery, now = new Date()) {
  const found = await pageOf(q, now);
  if (!found) return null;
  const { items, more, paging, total } = found;
  const twins = await counterpartsOf(items, await visibility(now));
  const categories = await categoriesById(q.locale);
  const link = (params: Record<string, string>) => {
    const query = new URLSearchParams({ locale: q.locale, ...(q.category && { category: q.category.slug }) });
    query.set("limit", String(q.limit));
    for (const [k, val] of Object.entries(params)) query.set(k, val);
    return absolute(env().SITE_URL, `/api/v1/releases?${query}`);
  };
  const last: PublicItem | undefined = items.at(-1);
  return {
    data: items.map((item) => itemJson(item, twins.get(item.releaseId), categories)),
    meta: { locale: q.locale, limit: q.limit, total, ...paging },
    links: {
      self: link(q.cursor ? { cursor: encodeCursor(q.cursor) } : { page: String(paging?.page ?? 1) }),
      next: more && last ? link({ cursor: encodeCursor(last) }) : null,
      prev: paging && paging.page > 1 ? link({ page: String(paging.page - 1) }) : null,
    },
  };
}
