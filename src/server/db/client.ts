import "server-only";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/sqlite/client";
import { PrismaClient as PgPrismaClient } from "./generated/postgres/client";
import { isPostgresUrl, sqlitePath } from "../env";

export type Db = PrismaClient;

// The URL each client was made for: modules that also talk to the database through its driver
// (the search index, for bulk reads and writes Prisma's raw queries are too slow for) find it here.
const urls = new WeakMap<object, string>();

/** The URL `db` was created for (createDb), else DATABASE_URL. */
export function databaseUrlOf(db: object): string {
  const url = urls.get(db) ?? process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  return url;
}

/** A Prisma client for either engine. The two generated clients share one model, so one type. */
export function createDb(url: string): Db {
  if (isPostgresUrl(url)) {
    const adapter = new PrismaPg({ connectionString: url, max: 10, connectionTimeoutMillis: 5_000 });
    const client = new PgPrismaClient({ adapter }) as unknown as Db;
    urls.set(client, url);
    return client;
  }
  const file = sqlitePath(url);
  mkdirSync(path.dirname(file), { recursive: true });
  // WAL lets readers proceed during a write; busy timeout rides out short write locks.
  const adapter = new PrismaBetterSQLite3({ url: `file:${file}`, timeout: 5_000 });
  const client = new PrismaClient({ adapter });
  urls.set(client, url);
  return client;
}
