import "server-only";
import { createDb, type Db } from "./db/client";
import { env } from "./env";

// One client per process; survives hot reload in development.
const globalForDb = globalThis as unknown as { newsroomDb?: Db };

export function db(): Db {
  globalForDb.newsroomDb ??= createDb(env().DATABASE_URL);
  return globalForDb.newsroomDb;
}

export type { Db };
