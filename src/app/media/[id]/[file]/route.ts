import { isMediaId } from "@/domain/media/urls";
import { getActor } from "@/server/auth/current";
import { db } from "@/server/db";
import { env } from "@/server/env";
import { openServableMedia } from "@/server/media/serve";

// GET /media/<id>/<file>: an uploaded image or one of its variants. Readers get only media a live
// publication references (cacheable forever: a URL's bytes never change); staff get everything,
// never stored in a shared cache. Everything else, including draft-only media, is 404.
export const dynamic = "force-dynamic";

const IMMUTABLE = "public, max-age=31536000, immutable";
const PRIVATE = "private, no-store";

const notFound = () =>
  new Response("Not found", {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });

export async function GET(_request: Request, { params }: { params: Promise<{ id: string; file: string }> }) {
  const { id, file } = await params;
  if (!isMediaId(id)) return notFound();
  const staff = (await getActor()) !== null;
  const stored = await openServableMedia(db(), env().MEDIA_DIR, id, file, staff);
  if (!stored) return notFound();
  return new Response(stored.body, {
    headers: {
      "Content-Type": stored.mime,
      "Content-Length": String(stored.size),
      "Cache-Control": staff ? PRIVATE : IMMUTABLE,
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      ...(staff ? { Vary: "Cookie" } : {}),
    },
  });
}
