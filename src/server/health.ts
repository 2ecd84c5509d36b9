import "server-only";
import { db } from "./db";

/** True when the database answers a trivial query (for /api/health and the front server's 503). */
export async function databaseReachable(): Promise<boolean> {
  await db().$queryRawUnsafe("SELECT 1");
  return true;
}
