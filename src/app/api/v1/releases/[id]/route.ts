import { z } from "zod";
import { apiError, apiJson, articleJson, detailQuerySchema, queryOf } from "@/server/public-api";
import { getPublishedByReleaseId } from "@/server/releases/public-article";

// GET /api/v1/releases/{id}?locale=zh|en — one public release with its HTML body.
// Unknown, draft, withdrawn and embargoed ids all look the same: 404.
export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: RouteContext<"/api/v1/releases/[id]">) {
  const { id } = await params;
  const raw = queryOf(request.url, ["locale"]);
  if ("error" in raw) return apiError(400, "bad_request", raw.error!);
  const parsed = detailQuerySchema.safeParse(raw.query);
  if (!parsed.success) return apiError(400, "bad_request", z.prettifyError(parsed.error));
  const found = id.length <= 64 ? await getPublishedByReleaseId(parsed.data.locale, id, new Date()) : null;
  if (!found) return apiError(404, "not_found", "no published release with this id in this language");
  return apiJson(request, { data: await articleJson(found.article, found.counterpart) });
}
