import "server-only";
import { DUE_SOON_MS } from "@/domain/notifications";
import type { Prisma } from "../db/generated/sqlite/client";
import { notify } from "./notify";

// The workflow's moments that concern translators, turned into notifications. Each runs inside the
// transaction of the change (save, publish, assignment), so a rolled-back change tells no one.

type Client = Prisma.TransactionClient;

const zhTitle = async (tx: Client, releaseId: string) =>
  (
    await tx.releaseContent.findUnique({
      where: { releaseId_locale: { releaseId, locale: "zh" } },
      select: { title: true },
    })
  )?.title ?? "";

/** Who works on a release's English: its assignee, and whoever saved the English last. */
async function translatorsOf(tx: Client, releaseId: string): Promise<string[]> {
  const [assignment, last] = await Promise.all([
    tx.translationAssignment.findUnique({ where: { releaseId }, select: { assigneeId: true, completedAt: true } }),
    tx.revision.findFirst({
      where: { releaseId, locale: "en" },
      orderBy: { number: "desc" },
      select: { authorId: true },
    }),
  ]);
  return [assignment?.assigneeId, last?.authorId].filter((u): u is string => !!u);
}

/** The Chinese was edited while an English version exists. */
export async function sourceChanged(tx: Client, releaseId: string, actorId: string): Promise<void> {
  const users = await translatorsOf(tx, releaseId);
  if (users.length === 0) return;
  await notify(
    tx,
    users,
    { kind: "sourceChanged", releaseId, data: { title: await zhTitle(tx, releaseId) } },
    { actorId, unlessUnread: true },
  );
}

export async function published(tx: Client, releaseId: string, actorId: string): Promise<void> {
  const users = await translatorsOf(tx, releaseId);
  if (users.length === 0) return;
  await notify(tx, users, { kind: "published", releaseId, data: { title: await zhTitle(tx, releaseId) } }, { actorId });
}

export async function assigned(
  tx: Client,
  releaseId: string,
  assigneeId: string,
  dueAt: Date,
  actorId: string,
): Promise<void> {
  await notify(
    tx,
    [assigneeId],
    { kind: "assigned", releaseId, data: { title: await zhTitle(tx, releaseId), dueAt: dueAt.toISOString() } },
    { actorId },
  );
}

/**
 * "Due soon", made when the assignee next opens the back office (no scheduler needed): open
 * assignments due within DUE_SOON_MS that have not had one yet. One indexed query when there is none.
 */
export async function dueSoonFor(tx: Client, userId: string, now = new Date()): Promise<void> {
  const due = await tx.translationAssignment.findMany({
    where: {
      assigneeId: userId,
      completedAt: null,
      dueSoonNotifiedAt: null,
      dueAt: { lte: new Date(now.getTime() + DUE_SOON_MS) },
    },
    select: { id: true, releaseId: true, dueAt: true },
    take: 20,
  });
  for (const a of due) {
    const claimed = await tx.translationAssignment.updateMany({
      where: { id: a.id, dueSoonNotifiedAt: null },
      data: { dueSoonNotifiedAt: now },
    });
    if (claimed.count === 1) {
      await notify(tx, [userId], {
        kind: "dueSoon",
        releaseId: a.releaseId,
        data: { title: await zhTitle(tx, a.releaseId), dueAt: a.dueAt.toISOString() },
      });
    }
  }
}
