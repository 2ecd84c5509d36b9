import { can } from "@/domain/auth/permissions";
import { getActor } from "@/server/auth/current";
import { db } from "@/server/db";
import { bulkXliffZip } from "@/server/xliff/bulk";
import { attachment, json, PRIVATE, versionParam } from "@/server/xliff/download-response";

// GET /admin/xliff?version=1.2|2.0: every release that needs English, one XLIFF file each, as a
// zip streamed while it is written.
export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const actor = await getActor();
  if (!actor) return json(401, { ok: false, error: "forbidden" });
  if (!can(actor.role, "release.read")) return json(403, { ok: false, error: "forbidden" });
  const version = versionParam(request);
  if (!version) return json(400, { ok: false, error: "invalid_input" });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(bulkXliffZip(db(), version), {
    headers: {
      ...PRIVATE,
      "Content-Type": "application/zip",
      "Content-Disposition": attachment(`newsroom-needs-english-${day}-xliff${version.replace(".", "")}.zip`),
    },
  });
}
