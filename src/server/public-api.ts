import "server-only";
import { z } from "zod";
import { renderSafeHtml } from "@/domain/release/safe-html";
import { parseDoc } from "@/domain/release/content";
import { absolute, paths } from "@/domain/public/urls";
import { LOCALES, type Locale } from "@/i18n/settings";
import { env } from "./env";
import { PUBLIC_REVALIDATE, conditionalResponse } from "./http";
import { counterpartOf, publicCategories, type PublicArticle, type PublicItem } from "./releases/public";

// Shapes and helpers of the public JSON API (/api/v1). Errors are codes with an English message.

export const listQuerySchema = z.object({
  locale: z.enum(LOCALES).default("zh"),
  page: z
    .string()
    .regex(/^[1-9]\d{0,5}$/, "page must be a positive integer")
    .transform(Number)
    .default(1),
  category: z
    .string()
    .regex(/^[a-z0-9-]{1,80}$/, "category must be a category slug")
    .optional(),
});

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

export async function itemJson(item: PublicItem, now: Date) {
  const site = env().SITE_URL;
  const other = await counterpartOf(item, now);
  const category = (await publicCategories(item.locale)).find((c) => c.id === item.categoryId);
  const urls: Partial<Record<Locale, string>> = {
    [item.locale]: absolute(site, paths.article(item.locale, item.slug)),
  };
  if (other) urls[other.locale] = absolute(site, paths.article(other.locale, other.slug));
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

export async function articleJson(article: PublicArticle, now: Date) {
  return { ...(await itemJson(article, now)), bodyHtml: renderSafeHtml(parseDoc(article.body)) };
}
