import "server-only";
import { isPostgresUrl } from "../env";
import type { Client } from "./documents";
import type { SearchEngine } from "./engine";
import { postgresEngine } from "./postgres";
import { sqliteEngine } from "./sqlite";

/** The engine of a Prisma client (or transaction); DATABASE_URL if the client does not say. */
export function engineFor(client: Client): SearchEngine {
  const provider = (client as { _activeProvider?: string })._activeProvider;
  if (provider) return provider === "postgresql" ? postgresEngine : sqliteEngine;
  return isPostgresUrl(process.env.DATABASE_URL ?? "") ? postgresEngine : sqliteEngine;
}
