import { can } from "@/domain/auth/permissions";
import { getActor } from "@/server/auth/current";
import { db } from "@/server/db";
import { env } from "@/server/env";
import { isSameOrigin, readLimitedForm } from "@/server/media/http";
import { listMedia, toClient } from "@/server/media/library";
import { uploadMedia } from "@/server/media/service";

// POST /api/media: upload an image (multipart: file, altZh, altEn). GET /api/media: the newest
// uploads for the editor's picker. Staff with media.upload only; uploads must come from our origin.
export const dynamic = "force-dynamic";

const json = (status: number, body: unknown) =>
  Response.json(body, { status, headers: { "Cache-Control": "private, no-store" } });

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
    env().MEDIA_DIR,
  );
  if (!result.ok) {
    const status = result.code === "forbidden" ? 403 : result.code === "media_too_large" ? 413 : 400;
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
