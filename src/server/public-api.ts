import "server-only";
import { z } from "zod";
import { renderSafeHtml } from "@/domain/release/safe-html";
import { parseDoc } from "@/domain/release/content";
import { decodeCursor } from "@/domain/public/cursor";
import { absolute, paths } from "@/domain/public/urls";
import { LOCALES, otherLocale, type Locale } from "@/i18n/settings";
import { env } from "./env";
import { PUBLIC_REVALIDATE, conditionalResponse } from "./conditional-get";
import { publicCategories, type PublicCategory, type PublicItem } from "./releases/public";
import type { PublicArticle } from "./releases/public-article";

// Shapes and helpers of the public JSON API (/api/v1). Errors are codes with an English message.

export const MAX_LIMIT = 100;
export const DEFAULT_LIMIT = 10;

export const listQuerySchema = z
  .object({
    locale: z.enum(LOCALES).default("zh"),
    page: z
      .string()
      .regex(/^[1-9]\d{0,5}$/, "page must be a positive integer")
      .transform(Number)
      .optional(),
    limit: z
      .string()
      .regex(/^[1-9]\d{0,5}$/, "limit must be a positive integer")
      .transform(Number)
      .refine((n) => n <= MAX_LIMIT, `limit must be at most ${MAX_LIMIT}`)
      .default(DEFAULT_LIMIT),
    cursor: z
      .string()
      .transform((raw, ctx) => {
        const cursor = decodeCursor(raw);
        if (!cursor)
          ctx.addIssue({ code: "custom", message: "cursor is malformed: pass links.next of a previous page" });
        return cursor ?? z.NEVER;
      })
      .optional(),
    category: z
      .string()
      .regex(/^[a-z0-9-]{1,80}$/, "category must be a category slug")
      .optional(),
  })
  .refine((q) => !(q.page && q.cursor), { message: "page and cursor cannot be combined", path: ["cursor"] });

export const detailQuerySchema = z.object({ locale: z.enum(LOCALES).default("zh") });

/** Query parameters as a plain object; a repeated parameter is a 400, not a silent pick. */
export function queryOf(url: string, allowed: readonly string[]) {
  const params = new URL(url).searchParams;
  const out: Record<string, string> = {};
  for (const [key, value] of params) {
    if (!allowed.includes(key)) return { error: `unknown parameter: ${key}` };
    if (key in out) return { error: `repeated parameter: ${key}` };
    out[key] = value;
  }
  return { query: out };
}

export function apiError(status: 400 | 404, code: "bad_request" | "not_found", message: string) {
  return Response.json({ error: { code, message } }, { status, headers: { "Cache-Control": "no-store" } });
}

export function apiJson(request: Request, data: unknown) {
  return conditionalResponse(request, JSON.stringify(data), {
    contentType: "application/json; charset=utf-8",
    cacheControl: PUBLIC_REVALIDATE,
  });
}

/** Categories by id, for itemJson. */
export async function categoriesById(locale: Locale): Promise<Map<string, PublicCategory>> {
  return new Map((await publicCategories(locale)).map((c) => [c.id, c]));
}

/** An item as JSON; `counterpart` is the same release in the other language when public. */
export function itemJson(
  item: PublicItem,
  counterpart: PublicItem | null | undefined,
  categories: ReadonlyMap<string, PublicCategory>,
) {
  const site = env().SITE_URL;
  const category = item.categoryId ? categories.get(item.categoryId) : undefined;
  const urls: Partial<Record<Locale, string>> = {
    [item.locale]: absolute(site, paths.article(item.locale, item.slug)),
  };
  if (counterpart) urls[otherLocale(item.locale)] = absolute(site, paths.article(counterpart.locale, counterpart.slug));
  return {
    id: item.releaseId,
    locale: item.locale,
    title: item.title,
    summary: item.summary,
    publishedAt: item.publishedAt.toISOString(),
    updatedAt: item.updatedAt.toISOString(),
    category: category ? { slug: category.slug, name: category.name } : null,
    url: urls[item.locale],
    urls,
  };
}

export async function articleJson(article: PublicArticle, counterpart: PublicItem | null) {
  const categories = await categoriesById(article.locale);
  return { ...itemJson(article, counterpart, categories), bodyHtml: renderSafeHtml(parseDoc(article.body)) };
}
