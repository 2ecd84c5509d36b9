import "server-only";
import { databaseUrlOf, type Db } from "../db/client";
import { isPostgresUrl } from "../env";
import type { Client } from "./documents";
import type { SearchStore } from "./engine";
import { postgresStore } from "./postgres";
import { searchConnection, type SearchConnection } from "./sql";
import { sqliteStore } from "./sqlite";

/** The store of a Prisma client (or transaction); DATABASE_URL if the client does not say. */
export function storeFor(client: Client): SearchStore {
  const provider = (client as { _activeProvider?: string })._activeProvider;
  if (provider) return provider === "postgresql" ? postgresStore : sqliteStore;
  return isPostgresUrl(process.env.DATABASE_URL ?? "") ? postgresStore : sqliteStore;
}

/** The search index's own connection to the database of `db`, and the store for it. */
export function indexOf(db: Client | Db): { connection: SearchConnection; store: SearchStore } {
  const connection = searchConnection(databaseUrlOf(db));
  return { connection, store: connection.engine === "postgresql" ? postgresStore : sqliteStore };
}
