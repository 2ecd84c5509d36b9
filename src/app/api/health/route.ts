import { databaseReachable } from "@/server/health";
import { logError } from "@/server/log";

export const dynamic = "force-dynamic";

// Liveness and database reachability, for load balancers. Public and read-only.
export async function GET() {
  try {
    await databaseReachable();
    return Response.json({ status: "ok", database: "ok" }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    await logError(error, "health check: database unreachable");
    return Response.json(
      { status: "error", database: "unreachable" },
      { status: 503, headers: { "Cache-Control": "no-store" } },
    );
  }
}
