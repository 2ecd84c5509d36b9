import { revalidatePublicContent } from "@/server/cache-tags";
import { INTERNAL_HEADER, isPipelineRequest } from "@/server/response-cache";

// Called over loopback by this instance's server when another instance published or withdrew
// (PostgreSQL NOTIFY, scripts/server/cache-bus.mjs): revalidateTag needs a request, so the
// notification becomes one. Only the server's own requests carry the per-process secret.
export const dynamic = "force-dynamic";

export function POST(request: Request) {
  if (!isPipelineRequest(request.headers.get(INTERNAL_HEADER))) return new Response("Not found", { status: 404 });
  revalidatePublicContent({ broadcast: false });
  return Response.json({ ok: true }, { headers: { "Cache-Control": "no-store" } });
}
