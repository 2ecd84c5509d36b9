import { PUBLIC_REVALIDATE, conditionalResponse } from "@/server/conditional-get";
import { sitemapShard } from "@/server/sitemap";

// /sitemaps/{name}.xml: one shard of the sitemap (pages.xml, or a language and year such as
// zh-2020.xml). Names the index does not list are 404.
export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: RouteContext<"/sitemaps/[name]">) {
  const { name } = await params;
  const xml = name.endsWith(".xml") ? await sitemapShard(name.slice(0, -4)) : null;
  if (xml === null)
    return new Response("Not found", {
      status: 404,
      // kept by the response cache like a shard: a year's first release purges it (its tag)
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": PUBLIC_REVALIDATE },
    });
  return conditionalResponse(request, xml, {
    contentType: "application/xml; charset=utf-8",
    cacheControl: PUBLIC_REVALIDATE,
  });
}
