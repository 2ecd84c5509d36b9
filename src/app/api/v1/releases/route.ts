import { z } from "zod";
import { apiError, apiJson, listQuerySchema, queryOf } from "@/server/public-api";
import { releaseListBody } from "@/server/public-api-list";
import { findCategory } from "@/server/releases/public";

// GET /api/v1/releases?locale=zh|en&limit=10&cursor=…&category=slug — public releases, newest first
// (then by id), `limit` (at most 100) per page. `links.next` continues with a keyset cursor: the
// same cost at any depth, stable while releases are published. `page=N` stays for older clients.
export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const raw = queryOf(request.url, ["locale", "page", "limit", "cursor", "category"]);
  if ("error" in raw) return apiError(400, "bad_request", raw.error!);
  const parsed = listQuerySchema.safeParse(raw.query);
  if (!parsed.success) return apiError(400, "bad_request", z.prettifyError(parsed.error));
  const { locale, page, limit, cursor, category: slug } = parsed.data;
  const category = slug ? await findCategory(locale, slug) : null;
  if (slug && !category) return apiError(404, "not_found", `no category ${slug}`);
  const body = await releaseListBody({ locale, category, limit, page, cursor });
  if (!body) return apiError(404, "not_found", `page ${page} is past the last page`);
  return apiJson(request, body);
}
