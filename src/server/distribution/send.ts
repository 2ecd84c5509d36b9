import "server-only";
import { classifySmtpFailure, type SmtpFailure } from "@/domain/distribution/smtp-outcome";
import { nextTryAt } from "@/domain/distribution/retry";
import type { MailMessage } from "../db/generated/sqlite/client";
import type { Db } from "../db/client";
import { composeMail, type LiveRelease } from "./compose";
import type { Transport } from "./transport";

// Sending one claimed outbox row. Before the message leaves: is the address still wanted, is the
// release still live? Then the lease is renewed and the token hashes stored (if another worker took
// the row over, we stop here). After: sent, retried later, or the address suppressed.

export type ReleaseCache = Map<string, LiveRelease | null>;

type Gate = { go: LiveRelease | null } | { drop: true } | { later: Date } | { suppress: string };

async function liveRelease(db: Db, releaseId: string, cache: ReleaseCache): Promise<LiveRelease | null> {
  if (cache.has(releaseId)) return cache.get(releaseId)!;
  const release = await db.release.findUnique({
    where: { id: releaseId },
    select: { releaseDate: true, publications: true },
  });
  const pubs = release?.publications ?? [];
  const live: LiveRelease | null = pubs.length
    ? {
        releaseDate: release!.releaseDate,
        publishedAt: pubs[0]!.publishedAt,
        byLocale: Object.fromEntries(pubs.map((p) => [p.locale, p])),
      }
    : null;
  cache.set(releaseId, live);
  return live;
}

async function gate(db: Db, row: MailMessage, now: Date, cache: ReleaseCache): Promise<Gate> {
  if (await db.suppression.findUnique({ where: { email: row.email } })) return { suppress: "suppressed address" };
  if (row.subscriberId && row.kind !== "confirm") {
    const s = await db.subscriber.findUnique({ where: { id: row.subscriberId }, select: { status: true } });
    if (s?.status !== "confirmed") return { suppress: "unsubscribed" };
  }
  if (row.journalistId) {
    const gone = await db.journalist.findFirst({ where: { email: row.email, unsubscribedAt: { not: null } } });
    if (gone) return { suppress: "unsubscribed" };
    if (!(await db.journalist.findUnique({ where: { id: row.journalistId } })))
      return { suppress: "removed from list" };
  }
  if (!row.releaseId) return { go: null };
  const live = await liveRelease(db, row.releaseId, cache);
  if (!live) return { drop: true };
  if (row.kind === "release" && live.publishedAt > now) return { later: live.publishedAt };
  return { go: live };
}

export interface SendContext {
  db: Db;
  transport: Transport;
  workerId: string;
  leaseMs: number;
  /** the worker's clock (tests move it) */
  clock: () => Date;
  cache: ReleaseCache;
}

export async function sendClaimed(ctx: SendContext, id: string): Promise<void> {
  const { db, workerId } = ctx;
  const now = ctx.clock();
  const row = await db.mailMessage.findUnique({ where: { id } });
  if (!row || row.state !== "sending" || row.lockedBy !== workerId) return;
  const mine = { id, lockedBy: workerId, state: "sending" };
  const g = await gate(db, row, now, ctx.cache);
  if ("drop" in g) return void (await db.mailMessage.deleteMany({ where: mine }));
  if ("later" in g) {
    await db.mailMessage.updateMany({
      where: mine,
      data: { state: "queued", nextAttemptAt: g.later, attempts: { decrement: 1 }, lockedBy: null },
    });
    return;
  }
  if ("suppress" in g) {
    await db.mailMessage.updateMany({
      where: mine,
      data: { state: "suppressed", lastError: g.suppress, lockedBy: null },
    });
    return;
  }
  const composed = composeMail(row, g.go);
  if (!(await prepare(ctx, row, composed))) return;
  try {
    const { response } = await ctx.transport.send(composed.mail);
    await db.mailMessage.update({
      where: { id },
      data: { state: "sent", sentAt: ctx.clock(), lastCode: codeOf(response) ?? 250, lastError: null },
    });
  } catch (error) {
    await recordFailure(ctx, row, error as SmtpFailure & { message?: string });
  }
}

/**
 * Renews the lease and stores the hashes of the tokens the email carries; an embargo link also gets
 * its grant, in the same transaction. Other emails need one statement, not an interactive
 * transaction (on SQLite those queue behind every other writer).
 */
async function prepare(ctx: SendContext, row: MailMessage, composed: ReturnType<typeof composeMail>) {
  const renew = (client: Pick<Db, "mailMessage">) =>
    client.mailMessage.updateMany({
      where: { id: row.id, lockedBy: ctx.workerId, state: "sending" },
      data: {
        nextAttemptAt: new Date(ctx.clock().getTime() + ctx.leaseMs),
        messageId: composed.messageId,
        unsubscribeHash: composed.unsubscribeHash,
        tokenHash: row.kind === "confirm" ? composed.tokenHash : null,
      },
    });
  const grantsAccess = row.kind === "embargo" && row.releaseId && composed.tokenHash;
  if (!grantsAccess) return (await renew(ctx.db)).count === 1;
  return ctx.db.$transaction(async (tx) => {
    if ((await renew(tx)).count !== 1) return false;
    const grant = { tokenHash: composed.tokenHash!, name: row.name, language: row.language };
    await tx.embargoGrant.upsert({
      where: { releaseId_email: { releaseId: row.releaseId!, email: row.email } },
      create: { releaseId: row.releaseId!, email: row.email, ...grant },
      update: grant,
    });
    return true;
  });
}

const codeOf = (response?: string) => {
  const m = /^(\d{3})\b/.exec(response ?? "");
  return m ? Number(m[1]) : undefined;
};

async function recordFailure(ctx: SendContext, row: MailMessage, error: SmtpFailure & { message?: string }) {
  const { db } = ctx;
  const now = ctx.clock();
  const outcome = classifySmtpFailure(error);
  const detail = (error.response ?? error.message ?? "send failed").slice(0, 500);
  const base = { lastCode: error.responseCode ?? null, lastError: detail, lockedBy: null };
  if (outcome === "suppress") {
    await db.suppression.upsert({
      where: { email: row.email },
      create: { email: row.email, reason: "bounce", detail },
      update: {},
    });
    await db.mailMessage.update({ where: { id: row.id }, data: { ...base, state: "suppressed" } });
    return;
  }
  const next = outcome === "retry" ? nextTryAt(row.attempts, row.firstAttemptAt ?? now, now) : null;
  await db.mailMessage.update({
    where: { id: row.id },
    data: next ? { ...base, state: "deferred", nextAttemptAt: next } : { ...base, state: "failed" },
  });
}
