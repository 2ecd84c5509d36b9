import { Readable } from "node:stream";
import { contentDisposition } from "@/domain/presskit/file-name";
import { getActor } from "@/server/auth/current";
import { db } from "@/server/db";
import { appMediaCache, appMediaStore } from "@/server/media/runtime";
import { KIT_HEADERS, cacheControl, plain, storageFailure } from "@/server/presskit/download-response";
import { openKitFile, servableKitRow } from "@/server/presskit/serve";

// GET /presskit/<id>/<name>: a press-kit document or a photo's high-resolution original, as a
// download under its safe name; GET /presskit/<id>/w480.webp (…960, 1600): a photo's variant
// for the gallery. Readers only while a live publication lists the file (embargo and withdraw
// apply as to the page); staff always. Anything else is 404.
export const dynamic = "force-dynamic";

const VARIANT = /^w\d{3,4}\.webp$/;

export async function GET(request: Request, { params }: RouteContext<"/presskit/[id]/[file]">) {
  const { id, file } = await params;
  const staff = (await getActor()) !== null;
  const row = await servableKitRow(db(), id, staff, new Date());
  if (!row) return plain(404, "Not found");
  const variant = VARIANT.test(file) ? file : null;
  let served;
  try {
    served = await openKitFile({ store: appMediaStore(), cache: appMediaCache() }, row, variant);
  } catch (error) {
    return storageFailure(error, { fileId: id });
  }
  if (!served) return plain(404, "Not found");
  const etag = `"${served.sha256}"`;
  const headers = { ETag: etag, ...cacheControl(staff), ...KIT_HEADERS };
  if (request.headers.get("if-none-match") === etag) {
    served.body.destroy();
    return new Response(null, { status: 304, headers });
  }
  return new Response(Readable.toWeb(served.body) as ReadableStream, {
    headers: {
      ...headers,
      "Content-Type": served.mime,
      "Content-Length": String(served.size),
      ...(variant ? {} : { "Content-Disposition": contentDisposition(row.fileName) }),
    },
  });
}
