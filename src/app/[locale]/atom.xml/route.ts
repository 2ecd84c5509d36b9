import { isLocale } from "@/i18n/settings";
import { buildFeed } from "@/server/feeds";
import { PUBLIC_REVALIDATE, conditionalResponse } from "@/server/conditional-get";

// /{locale}/atom.xml. A static folder name under [locale]: no clash with the page routes.
export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: RouteContext<"/[locale]/atom.xml">) {
  const { locale } = await params;
  if (!isLocale(locale)) return new Response("Not found", { status: 404 });
  return conditionalResponse(request, await buildFeed(locale, "atom"), {
    contentType: "application/atom+xml; charset=utf-8",
    cacheControl: PUBLIC_REVALIDATE,
  });
}
