import "server-only";
import { isPostgresUrl } from "../env";
import type { Db } from "../db/client";
import type { Tx } from "../releases/transaction";

// The few statements the outbox writes by hand (claims with a lease, inserts that skip duplicates)
// are the same SQL on both engines except for placeholders and row locking.

export type Client = Db | Tx;

export function isPostgres(client: Client): boolean {
  const provider = (client as { _activeProvider?: string })._activeProvider;
  if (provider) return provider === "postgresql";
  return isPostgresUrl(process.env.DATABASE_URL ?? "");
}

/** Placeholder number `n` (1-based): `$n` on PostgreSQL, `?` on SQLite (bind in order of appearance). */
export const placeholder = (pg: boolean, n: number) => (pg ? `$${n}` : "?");

/**
 * Claims up to `limit` due rows of `table` for `workerId`: state → 'sending', a lease until `leaseUntil`
 * kept in "nextAttemptAt" (so a crashed worker's rows become due again when it runs out), attempts + 1.
 * PostgreSQL: FOR UPDATE SKIP LOCKED lets several workers claim side by side without waiting or
 * overlapping. SQLite: one writer at a time, and the statement is atomic, so two workers never get
 * the same row.
 */
export async function claimDue(
  client: Client,
  table: "MailMessage" | "WebhookDelivery",
  workerId: string,
  limit: number,
  now: Date,
  leaseUntil: Date,
): Promise<string[]> {
  const pg = isPostgres(client);
  const p = (n: number) => placeholder(pg, n);
  const due = `SELECT "id" FROM "${table}" WHERE "state" IN ('queued', 'deferred', 'sending') AND "nextAttemptAt" <= ${p(4)} ORDER BY "nextAttemptAt" LIMIT ${p(5)}${pg ? " FOR UPDATE SKIP LOCKED" : ""}`;
  const sql = `UPDATE "${table}" SET "state" = 'sending', "lockedBy" = ${p(1)}, "nextAttemptAt" = ${p(2)}, "attempts" = "attempts" + 1, "firstAttemptAt" = COALESCE("firstAttemptAt", ${p(3)}) WHERE "id" IN (${due}) RETURNING "id"`;
  const rows = await client.$queryRawUnsafe<{ id: string }[]>(sql, workerId, leaseUntil, now, now, limit);
  return rows.map((r) => r.id);
}

export interface MailRow {
  id: string;
  dedupeKey: string;
  kind: string;
  releaseId: string | null;
  dispatchId: string | null;
  round: number;
  email: string;
  name: string;
  language: string;
  subscriberId: string | null;
  journalistId: string | null;
  payload: string | null;
  nextAttemptAt: Date;
}

const MAIL_COLUMNS = [
  "id",
  "dedupeKey",
  "kind",
  "releaseId",
  "dispatchId",
  "round",
  "email",
  "name",
  "language",
  "subscriberId",
  "journalistId",
  "payload",
  "nextAttemptAt",
  "createdAt",
] as const;

/** Inserts outbox rows; a row whose dedupeKey exists already is skipped (the database decides). Returns how many were new. */
export async function insertMail(client: Client, rows: MailRow[], now: Date): Promise<number> {
  if (rows.length === 0) return 0;
  const pg = isPostgres(client);
  let n = 0;
  const values = rows.map(() => `(${MAIL_COLUMNS.map(() => placeholder(pg, ++n)).join(", ")})`).join(", ");
  const args = rows.flatMap((r) => [...MAIL_COLUMNS.slice(0, -1).map((c) => r[c as keyof MailRow]), now]);
  const cols = MAIL_COLUMNS.map((c) => `"${c}"`).join(", ");
  return client.$executeRawUnsafe(
    `INSERT INTO "MailMessage" (${cols}) VALUES ${values} ON CONFLICT ("dedupeKey") DO NOTHING`,
    ...args,
  );
}
