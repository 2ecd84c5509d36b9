import "server-only";
import { shutdownHooks } from "@/contract";
import { createDb, type Db } from "./db/client";
import { env } from "./env";

// One client per process; survives hot reload in development.
const globalForDb = globalThis as unknown as { newsroomDb?: Db };

export function db(): Db {
  if (!globalForDb.newsroomDb) {
    globalForDb.newsroomDb = createDb(env().DATABASE_URL);
    // The front server runs these hooks on SIGTERM/SIGINT once in-flight requests have finished.
    shutdownHooks().add(closeDb);
  }
  return globalForDb.newsroomDb;
}

/** Disconnects the process's client (graceful shutdown); a later db() call connects again. */
export async function closeDb(): Promise<void> {
  const client = globalForDb.newsroomDb;
  globalForDb.newsroomDb = undefined;
  await client?.$disconnect();
}

export type { Db };
