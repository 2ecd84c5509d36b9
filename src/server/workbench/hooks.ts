import "server-only";
import type { PairContent } from "@/domain/tm/pairs";
import type { Prisma } from "../db/generated/sqlite/client";
import { markCompleted, markStarted } from "../assignments/service";
import { published, sourceChanged } from "../notifications/events";
import { rememberPublishedRelease } from "../tm/publish";

// What the translator workbench does inside the release transactions (one call each from
// saveContent and runWorkflow): assignments started/completed, notifications, the memory on publish.

type Client = Prisma.TransactionClient;

export async function afterContentSaved(
  tx: Client,
  e: { releaseId: string; locale: string; actorId: string; zhChanged: boolean; englishExists: boolean },
): Promise<void> {
  if (e.locale === "en") await markStarted(tx, e.releaseId, e.actorId);
  else if (e.zhChanged && e.englishExists) await sourceChanged(tx, e.releaseId, e.actorId);
}

export async function afterWorkflow(
  tx: Client,
  e: { releaseId: string; command: string; actorId: string; contents: readonly (PairContent & { locale: string })[] },
): Promise<void> {
  if (e.command === "markTranslated") await markCompleted(tx, e.releaseId);
  if (e.command === "publish") {
    await rememberPublishedRelease(tx, e.releaseId, e.contents);
    await published(tx, e.releaseId, e.actorId);
  }
}
