import { revalidatePublicContent } from "@/server/cache-tags";
import { INTERNAL_HEADERS } from "@/contract";
import { isFrontServerRequest } from "@/server/front-bridge";

// Called over loopback by this instance's front server when another instance published or
// withdrew (PostgreSQL NOTIFY, src/front-server/cache-bus.ts): revalidateTag needs a request, so
// the notification becomes one. Only the front server's own requests carry the per-process secret.
export const dynamic = "force-dynamic";

export function POST(request: Request) {
  if (!isFrontServerRequest(request.headers.get(INTERNAL_HEADERS.internal)))
    return new Response("Not found", { status: 404 });
  revalidatePublicContent({ broadcast: false });
  return Response.json({ ok: true }, { headers: { "Cache-Control": "no-store" } });
}
