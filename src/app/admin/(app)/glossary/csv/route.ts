import { can } from "@/domain/auth/permissions";
import { getActor } from "@/server/auth/current";
import { db } from "@/server/db";
import { exportGlossaryCsv } from "@/server/glossary/csv";
import { attachment, json, PRIVATE } from "@/server/xliff/download-response";

// GET /admin/glossary/csv: the whole glossary as CSV (everyone who may read the glossary).
export const dynamic = "force-dynamic";

export async function GET() {
  const actor = await getActor();
  if (!actor) return json(401, { ok: false, error: "forbidden" });
  if (!can(actor.role, "glossary.read")) return json(403, { ok: false, error: "forbidden" });
  return new Response(exportGlossaryCsv(db()), {
    headers: {
      ...PRIVATE,
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": attachment("glossary.csv"),
    },
  });
}
