import { z } from "zod";
import { absolute } from "@/domain/public/urls";
import { env } from "@/server/env";
import { apiError, apiJson, itemJson, listQuerySchema, queryOf } from "@/server/public-api";
import { findCategory, listByCategory, listPublished } from "@/server/releases/public";

// GET /api/v1/releases?locale=zh|en&page=1&category=slug — public releases, newest first.
export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const raw = queryOf(request.url, ["locale", "page", "category"]);
  if ("error" in raw) return apiError(400, "bad_request", raw.error!);
  const parsed = listQuerySchema.safeParse(raw.query);
  if (!parsed.success) return apiError(400, "bad_request", z.prettifyError(parsed.error));
  const { locale, page, category: slug } = parsed.data;
  const now = new Date();
  let result;
  if (slug) {
    const category = await findCategory(locale, slug);
    if (!category) return apiError(404, "not_found", `no category ${slug}`);
    result = await listByCategory(locale, category.id, page, now);
  } else {
    result = await listPublished(locale, page, now);
  }
  if (!result) return apiError(404, "not_found", `page ${page} is past the last page`);
  const self = (p: number) => {
    const q = new URLSearchParams({ locale, page: String(p), ...(slug && { category: slug }) });
    return absolute(env().SITE_URL, `/api/v1/releases?${q}`);
  };
  return apiJson(request, {
    data: await Promise.all(result.items.map((item) => itemJson(item, now))),
    meta: { locale, page: result.page, pages: result.pages, total: result.total },
    links: {
      self: self(result.page),
      next: result.page < result.pages ? self(result.page + 1) : null,
      prev: result.page > 1 ? self(result.page - 1) : null,
    },
  });
}
