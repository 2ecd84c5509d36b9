import { z } from "zod";
import { isPublicTag, revalidatePublicContent, revalidatePublicTags } from "@/server/cache-tags";
import { INTERNAL_HEADERS } from "@/contract";
import { isFrontServerRequest } from "@/server/front-bridge";

// Called over loopback by this instance's front server when another instance published or
// withdrew (PostgreSQL NOTIFY, src/front-server/cache-bus.ts): revalidateTag needs a request, so
// the notification becomes one. Only the front server's own requests carry the per-process secret.
// Body `{"tags": [...]}`: only what those tags name; `{}` (or no tags): everything.
export const dynamic = "force-dynamic";

const bodySchema = z.object({ tags: z.array(z.string().refine(isPublicTag)).max(500).optional() });

export async function POST(request: Request) {
  if (!isFrontServerRequest(request.headers.get(INTERNAL_HEADERS.internal)))
    return new Response("Not found", { status: 404 });
  const body = bodySchema.safeParse(await request.json().catch(() => ({})));
  if (body.success && body.data.tags) revalidatePublicTags(body.data.tags, { broadcast: false });
  else revalidatePublicContent({ broadcast: false }); // unreadable or no tags: everything, to be safe
  return Response.json({ ok: true }, { headers: { "Cache-Control": "no-store" } });
}
