import { PUBLIC_REVALIDATE, conditionalResponse } from "@/server/conditional-get";
import { sitemapIndex } from "@/server/sitemap";

// /sitemap.xml: the index of the sitemap shards (/sitemaps/*.xml), built per request from the
// month counts (a few rows per language and month), so it is never older than the data.
export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  return conditionalResponse(request, await sitemapIndex(), {
    contentType: "application/xml; charset=utf-8",
    cacheControl: PUBLIC_REVALIDATE,
  });
}
