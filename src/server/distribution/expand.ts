import "server-only";
import { randomUUID } from "node:crypto";
import type { MailDispatch } from "../db/generated/sqlite/client";
import type { Db } from "../db/client";
import type { Tx } from "../releases/transaction";
import { insertMail, type MailRow } from "./sql";

// A dispatch becomes one outbox row per address, in chunks of CHUNK, journalists of the chosen
// lists first (their language preference wins for someone on a list who also subscribed), then
// matching confirmed subscribers. The dedupe key makes a second row for the same release, round
// and address impossible, so two workers expanding the same chunk cannot double anything: the
// loser's cursor update finds the cursor moved and its transaction rolls back.

export const CHUNK = 500;

class CursorMoved extends Error {}

export const dedupeKey = (kind: string, releaseId: string, round: number, email: string) =>
  `${kind}:${releaseId}:${round}:${email}`;

/** Expands dispatches that are due, at most `maxChunks` chunks; returns how many chunks were written. */
export async function expandDue(db: Db, now: Date, maxChunks = 4): Promise<number> {
  let chunks = 0;
  const due = await db.mailDispatch.findMany({
    where: { phase: { not: "done" }, notBefore: { lte: now } },
    orderBy: { createdAt: "asc" },
    take: maxChunks,
    select: { id: true },
  });
  for (const { id } of due) {
    while (chunks < maxChunks) {
      chunks++;
      if (!(await expandChunk(db, id, now))) break;
    }
  }
  return chunks;
}

async function expandChunk(db: Db, id: string, now: Date): Promise<boolean> {
  try {
    return await db.$transaction(async (tx) => {
      const d = await tx.mailDispatch.findUnique({ where: { id } });
      if (!d || d.phase === "done" || d.notBefore > now) return false;
      const live = await tx.publication.findFirst({
        where: { releaseId: d.releaseId },
        select: { publishedAt: true, categoryId: true },
      });
      if (!live) {
        await tx.mailDispatch.delete({ where: { id } });
        return false;
      }
      if (d.kind === "release" && live.publishedAt > now) {
        await tx.mailDispatch.update({ where: { id }, data: { notBefore: live.publishedAt } });
        return false;
      }
      const batch =
        d.phase === "journalists" ? await journalistChunk(tx, d) : await subscriberChunk(tx, d, live.categoryId);
      await insertMail(tx, batch.rows, now);
      const next = batch.cursor
        ? { phase: d.phase, cursor: batch.cursor }
        : { phase: d.phase === "journalists" && d.subscribers ? "subscribers" : "done", cursor: null };
      const moved = await tx.mailDispatch.updateMany({ where: { id, phase: d.phase, cursor: d.cursor }, data: next });
      if (moved.count !== 1) throw new CursorMoved();
      return next.phase !== "done";
    });
  } catch (error) {
    if (error instanceof CursorMoved) return true;
    throw error;
  }
}

const row = (d: MailDispatch, email: string, over: Partial<MailRow>, now: Date): MailRow => ({
  id: randomUUID(),
  dedupeKey: dedupeKey(d.kind, d.releaseId, d.round, email),
  kind: d.kind,
  releaseId: d.releaseId,
  dispatchId: d.id,
  round: d.round,
  email,
  name: "",
  language: "zh",
  subscriberId: null,
  journalistId: null,
  payload: null,
  nextAttemptAt: now,
  ...over,
});

async function journalistChunk(tx: Tx, d: MailDispatch) {
  const listIds = JSON.parse(d.listIds) as string[];
  const found = await tx.journalist.findMany({
    where: { listId: { in: listIds }, unsubscribedAt: null, ...(d.cursor ? { id: { gt: d.cursor } } : {}) },
    orderBy: { id: "asc" },
    take: CHUNK,
  });
  const now = d.notBefore;
  return {
    rows: found.map((j) => row(d, j.email, { name: j.name, language: j.language, journalistId: j.id }, now)),
    cursor: found.length === CHUNK ? found[found.length - 1]!.id : null,
  };
}

async function subscriberChunk(tx: Tx, d: MailDispatch, categoryId: string | null) {
  const found = await tx.subscriber.findMany({
    where: {
      status: "confirmed",
      OR: [{ allCategories: true }, ...(categoryId ? [{ categories: { some: { categoryId } } }] : [])],
      ...(d.cursor ? { id: { gt: d.cursor } } : {}),
    },
    orderBy: { id: "asc" },
    take: CHUNK,
    select: { id: true, email: true, language: true },
  });
  const now = d.notBefore;
  return {
    rows: found.map((s) => row(d, s.email, { language: s.language, subscriberId: s.id }, now)),
    cursor: found.length === CHUNK ? found[found.length - 1]!.id : null,
  };
}
