import "server-only";
import { isPostgresUrl } from "../env";
import type { Client } from "./documents";
import type { SearchStore } from "./engine";
import { postgresStore } from "./postgres";
import { sqliteStore } from "./sqlite";

/** The store of a Prisma client (or transaction); DATABASE_URL if the client does not say. */
export function storeFor(client: Client): SearchStore {
  const provider = (client as { _activeProvider?: string })._activeProvider;
  if (provider) return provider === "postgresql" ? postgresStore : sqliteStore;
  return isPostgresUrl(process.env.DATABASE_URL ?? "") ? postgresStore : sqliteStore;
}
