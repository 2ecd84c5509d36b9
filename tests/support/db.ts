// The integration tests' database (prepared by global-setup.ts) and a way to empty it between tests.
import { createDb, type Db } from "../../src/server/db/client";

let client: Db | undefined;

export function testDb(): Db {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL not set: run through vitest (tests/support/global-setup.ts)");
  client ??= createDb(url);
  return client;
}

export const engine = (): "sqlite" | "postgresql" =>
  process.env.NEWSROOM_TEST_ENGINE === "postgresql" ? "postgresql" : "sqlite";

// Children before parents, so foreign keys never block a delete.
const TABLES = [
  "Notification",
  "TranslationAssignment",
  "TmSource",
  "TmUnit",
  "GlossaryTerm",
  "AppSetting",
  "SearchDocument",
  "AuditEvent",
  "Revision",
  "Publication",
  "ReleaseContent",
  "Release",
  "Category",
  "Media",
  "Session",
  "LoginThrottle",
  "User",
] as const;

export async function resetDb(db: Db = testDb()): Promise<void> {
  for (const table of TABLES) await db.$executeRawUnsafe(`DELETE FROM "${table}"`);
}
