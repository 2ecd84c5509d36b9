import { can } from "@/domain/auth/permissions";
import { getActor } from "@/server/auth/current";
import { db } from "@/server/db";
import { isSameOrigin, readLimitedForm } from "@/server/media/upload-request";
import { listMedia, toClient } from "@/server/media/library";
import { appMediaStore } from "@/server/media/runtime";
import { uploadMedia } from "@/server/media/service";

// POST /api/media: upload an image (multipart: file, altZh, altEn). GET /api/media: the newest
// uploads for the editor's picker. Staff with media.upload only; uploads must come from our origin.
export const dynamic = "force-dynamic";

const json = (status: number, body: unknown) =>
  Response.json(body, { status, headers: { "Cache-Control": "private, no-store" } });

/** 403 forbidden, 413 too large, 503 when the store failed (the upload may be retried), else 400. */
function statusOf(code: string): number {
  if (code === "forbidden") return 403;
  if (code === "media_too_large") return 413;
  return code.startsWith("media_storage_") ? 503 : 400;
}

export async function POST(request: Request) {
  if (!isSameOrigin(request)) return json(403, { ok: false, error: "forbidden" });
  const actor = await getActor();
  if (!actor) return json(401, { ok: false, error: "forbidden" });
  if (!can(actor.role, "media.upload")) return json(403, { ok: false, error: "forbidden" });
  const body = await readLimitedForm(request);
  if (!body.ok) return json(body.status, { ok: false, error: body.code });
  const file = body.form.get("file");
  const altZh = body.form.get("altZh");
  const altEn = body.form.get("altEn");
  if (!(file instanceof File) || file.size === 0) {
    return json(400, { ok: false, error: "invalid_input", fieldErrors: { file: "file_required" } });
  }
  const result = await uploadMedia(
    db(),
    actor,
    { bytes: Buffer.from(await file.arrayBuffer()), altZh, altEn },
    appMediaStore(),
  );
  if (!result.ok) {
    const status = statusOf(result.code);
    return json(status, {
      ok: false,
      error: result.code,
      ...(result.fieldErrors ? { fieldErrors: result.fieldErrors } : {}),
    });
  }
  return json(201, { ok: true, media: toClient(result.value) });
}

export async function GET() {
  const actor = await getActor();
  if (!actor || !can(actor.role, "media.upload")) return json(actor ? 403 : 401, { ok: false, error: "forbidden" });
  const { items } = await listMedia(db());
  return json(200, { ok: true, media: items.map(toClient) });
}
