import { can } from "@/domain/auth/permissions";
import { getActor } from "@/server/auth/current";
import { db } from "@/server/db";
import { releaseViewsCsv } from "@/server/views/csv";
import { attachment, json, PRIVATE } from "@/server/xliff/download-response";

// GET /admin/releases/<id>/views.csv: the release's views by day and edition (editors and administrators).
export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: RouteContext<"/admin/releases/[id]/views.csv">) {
  const actor = await getActor();
  if (!actor) return json(401, { ok: false, error: "forbidden" });
  if (!can(actor.role, "views.read")) return json(403, { ok: false, error: "forbidden" });
  const { id } = await params;
  const csv = /^[A-Za-z0-9_-]{1,64}$/.test(id) ? await releaseViewsCsv(db(), id) : null;
  if (csv === null) return json(404, { ok: false, error: "not_found" });
  return new Response(`\uFEFF${csv}`, {
    headers: {
      ...PRIVATE,
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": attachment(`views-${id}.csv`),
    },
  });
}
