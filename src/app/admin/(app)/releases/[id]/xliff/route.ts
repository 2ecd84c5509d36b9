import { can } from "@/domain/auth/permissions";
import { getActor } from "@/server/auth/current";
import { db } from "@/server/db";
import { isSameOrigin, readLimitedForm } from "@/server/media/upload-request";
import { releaseXliff } from "@/server/xliff/export";
import { attachment, json, PRIVATE, versionParam } from "@/server/xliff/download-response";
import { importXliff, MAX_XLIFF_BYTES } from "@/server/xliff/import";

// GET /admin/releases/<id>/xliff?version=1.2|2.0: the release as XLIFF (staff who may read releases).
// POST (multipart, "file"): import a translated XLIFF file into the English working copy.
export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: RouteContext<"/admin/releases/[id]/xliff">) {
  const actor = await getActor();
  if (!actor) return json(401, { ok: false, error: "forbidden" });
  if (!can(actor.role, "release.read")) return json(403, { ok: false, error: "forbidden" });
  const version = versionParam(request);
  if (!version) return json(400, { ok: false, error: "invalid_input" });
  const file = await releaseXliff(db(), (await params).id.slice(0, 64), version);
  if (!file) return json(404, { ok: false, error: "not_found" });
  return new Response(file.xml, {
    headers: {
      ...PRIVATE,
      "Content-Type": "application/xliff+xml; charset=utf-8",
      "Content-Disposition": attachment(file.filename),
    },
  });
}

export async function POST(request: Request, { params }: RouteContext<"/admin/releases/[id]/xliff">) {
  if (!isSameOrigin(request)) return json(403, { ok: false, error: "forbidden" });
  const actor = await getActor();
  if (!actor) return json(401, { ok: false, error: "forbidden" });
  if (!can(actor.role, "translation.write")) return json(403, { ok: false, error: "forbidden" });
  const body = await readLimitedForm(request, MAX_XLIFF_BYTES + 64 * 1024);
  if (!body.ok)
    return json(body.status, { ok: false, error: body.status === 413 ? "xliff_too_large" : "invalid_input" });
  const file = body.form.get("file");
  if (!(file instanceof File) || file.size === 0) return json(400, { ok: false, error: "invalid_input" });
  const result = await importXliff(
    db(),
    actor,
    (await params).id.slice(0, 64),
    new Uint8Array(await file.arrayBuffer()),
  );
  if (!result.ok) {
    const status =
      result.code === "forbidden" ? 403 : result.code === "not_found" ? 404 : result.code === "conflict" ? 409 : 422;
    return json(status, { ok: false, error: result.code, params: result.params ?? {} });
  }
  return json(200, { ok: true, report: result.value });
}
