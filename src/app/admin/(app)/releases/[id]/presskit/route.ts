import { NextResponse } from "next/server";
import { can } from "@/domain/auth/permissions";
import { DOCUMENT_MAX_BYTES, PHOTO_MAX_BYTES, type KitKind } from "@/domain/presskit/kit";
import { getActor } from "@/server/auth/current";
import { db } from "@/server/db";
import { isSameOrigin, readLimitedForm } from "@/server/media/upload-request";
import { appMediaStore } from "@/server/media/runtime";
import { uploadKitFile } from "@/server/presskit/upload";

// POST /admin/releases/<id>/presskit: adds a document or a photo (multipart: kind, file, titleZh,
// titleEn, creditZh, creditEn) and sends the browser back to the release page with the outcome as
// a code (?kit=…). Editors and administrators only; from our own origin only; the body is read
// with a byte counter that stops past the limit. Works without JavaScript.
export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "private, no-store" };
const refuse = (status: 403 | 404) =>
  new Response(status === 403 ? "Forbidden" : "Not found", { status, headers: NO_STORE });

function back(request: Request, id: string, outcome: string) {
  const to = new URL(`/admin/releases/${encodeURIComponent(id)}?kit=${outcome}#presskit`, request.url);
  const response = NextResponse.redirect(to, 303);
  response.headers.set("Cache-Control", NO_STORE["Cache-Control"]);
  return response;
}

export async function POST(request: Request, { params }: RouteContext<"/admin/releases/[id]/presskit">) {
  const { id } = await params;
  if (!isSameOrigin(request)) return refuse(403);
  const actor = await getActor();
  if (!actor || !can(actor.role, "presskit.write")) return refuse(403);
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) return refuse(404);
  const body = await readLimitedForm(request, PHOTO_MAX_BYTES + 64 * 1024);
  if (!body.ok) return back(request, id, body.status === 413 ? "kit_too_large" : "invalid_input");
  const kind: KitKind = body.form.get("kind") === "photo" ? "photo" : "document";
  const file = body.form.get("file");
  if (!(file instanceof File) || file.size === 0) return back(request, id, "kit_file_required");
  if (kind === "document" && file.size > DOCUMENT_MAX_BYTES) return back(request, id, "kit_too_large");
  const texts = Object.fromEntries(
    ["titleZh", "titleEn", "creditZh", "creditEn"].map((k) => [k, body.form.get(k) ?? ""]),
  );
  const bytes = Buffer.from(await file.arrayBuffer());
  const result = await uploadKitFile(db(), actor, id, { kind, bytes, name: file.name, texts }, appMediaStore());
  return back(request, id, result.ok ? "added" : result.code);
}
