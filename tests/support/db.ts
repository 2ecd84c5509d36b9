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
  "SearchPending",
  "SearchBlock",
  "EmbargoAccess",
  "EmbargoGrant",
  "MailMessage",
  "MailDispatch",
  "SubscriberCategory",
  "Subscriber",
  "Journalist",
  "JournalistList",
  "Suppression",
  "LocalMail",
  "WebhookDelivery",
  "Webhook",
  "Notification",
  "TranslationAssignment",
  "TmSource",
  "TmUnit",
  "GlossaryTerm",
  "AppSetting",
  "SearchDocument",
  "AuditEvent",
  "ReleaseView",
  "ReleaseFile",
  "ReleaseContact",
  "PressContact",
  "RevisionMedia",
  "ContentMedia",
  "PublicationMedia",
  "Revision",
  "PublicationCount",
  "Publication",
  "ReleaseContent",
  "Release",
  "Category",
  "Media",
  "StoredFileChunk",
  "StoredFile",
  "Session",
  "AuthThrottle",
  "User",
] as const;

export async function resetDb(db: Db = testDb()): Promise<void> {
  for (const table of TABLES) await db.$executeRawUnsafe(`DELETE FROM "${table}"`);
}
