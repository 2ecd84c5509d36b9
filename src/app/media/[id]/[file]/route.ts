import { Readable } from "node:stream";
import { isMediaId } from "@/domain/media/urls";
import { getActor } from "@/server/auth/current";
import { db } from "@/server/db";
import { logError } from "@/server/log";
import { appMediaCache, appMediaStore } from "@/server/media/runtime";
import { openServableMedia } from "@/server/media/serve";
import { StorageError } from "@/server/media/store";

// GET /media/<id>/<file>: an uploaded image or one of its variants. Readers get only media a live
// publication references (cacheable forever: a URL's bytes never change); staff get everything,
// never stored in a shared cache. Everything else, including draft-only media, is 404. A store
// that fails answers 503 (500 for a file that fails its checksum), logged, never cached.
export const dynamic = "force-dynamic";

const IMMUTABLE = "public, max-age=31536000, immutable";
const PRIVATE = "private, no-store";

const plain = (status: number, text: string) =>
  new Response(text, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });

export async function GET(_request: Request, { params }: { params: Promise<{ id: string; file: string }> }) {
  const { id, file } = await params;
  if (!isMediaId(id)) return plain(404, "Not found");
  const staff = (await getActor()) !== null;
  let stored;
  try {
    stored = await openServableMedia(db(), { store: appMediaStore(), cache: appMediaCache() }, id, file, staff);
  } catch (error) {
    if (!(error instanceof StorageError)) throw error;
    await logError(error, "media storage: file not served", { mediaId: id, file, reason: error.reason });
    return error.reason === "corrupt" ? plain(500, "Damaged file") : plain(503, "Media storage unavailable");
  }
  if (!stored) return plain(404, "Not found");
  return new Response(Readable.toWeb(stored.body) as ReadableStream, {
    headers: {
      "Content-Type": stored.mime,
      "Content-Length": String(stored.size),
      ETag: `"${stored.sha256}"`,
      "Cache-Control": staff ? PRIVATE : IMMUTABLE,
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      ...(staff ? { Vary: "Cookie" } : {}),
    },
  });
}
