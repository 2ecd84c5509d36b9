import "server-only";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/sqlite/client";
import { PrismaClient as PgPrismaClient } from "./generated/postgres/client";
import { isPostgresUrl, sqlitePath } from "../env";

export type Db = PrismaClient;

/** A Prisma client for either engine. The two generated clients share one model, so one type. */
export function createDb(url: string): Db {
  if (isPostgresUrl(url)) {
    const adapter = new PrismaPg({ connectionString: url, max: 10, connectionTimeoutMillis: 5_000 });
    return new PgPrismaClient({ adapter }) as unknown as Db;
  }
  const file = sqlitePath(url);
  mkdirSync(path.dirname(file), { recursive: true });
  // WAL lets readers proceed during a write; busy timeout rides out short write locks.
  const adapter = new PrismaBetterSQLite3({ url: `file:${file}`, timeout: 5_000 });
  return new PrismaClient({ adapter });
}
