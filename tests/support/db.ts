// The integration tests' database (prepared by global-setup.ts) and a way to empty it between tests.
import { createDb, type Db } from "../../src/server/db/client";
import { searchMergeSettled } from "../../src/server/search";

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

const isDeadlock = (error: unknown) => /40P01|deadlock detected/.test(String(error));

export async function resetDb(db: Db = testDb()): Promise<void> {
  // A publish merges the search index in the background: a merge still running when the next
  // test empties the tables holds row locks the deletes need (PostgreSQL reported a deadlock).
  await searchMergeSettled(db);
  for (const table of TABLES) {
    // Other background work (another client's) may still take locks in another order: PostgreSQL
    // then aborts one side of the deadlock, and emptying the table again is safe.
    for (let attempt = 1; ; attempt++) {
      try {
        await db.$executeRawUnsafe(`DELETE FROM "${table}"`);
        break;
      } catch (error) {
        if (attempt >= 3 || !isDeadlock(error)) throw error;
      }
    }
  }
}
