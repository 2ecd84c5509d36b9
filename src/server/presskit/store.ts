import "server-only";
import type { Actor } from "@/domain/auth/actor";
import { can } from "@/domain/auth/permissions";
import { kitFileIn, parseKit, type KitFile, type KitText } from "@/domain/presskit/kit";
import { fail, ok, type Result } from "@/domain/result";
import type { ContentLocale } from "@/i18n/settings";
import { recordAudit } from "../audit";
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/sqlite/client";
import { removeMediaFiles } from "../media/files";
import type { MediaStore } from "../media/store";
import { kitFiles } from "./keys";

// A release's press kit (docs/PRESS-KIT.md): the working list editors change, and the snapshot
// publishing takes. A file a live publication still lists is only marked removed; its row and
// bytes go once no publication lists it (sweepRemovedFiles, after publish, withdraw or removal).

type Client = Prisma.TransactionClient;
const FIELDS = {
  id: true,
  kind: true,
  fileName: true,
  mime: true,
  bytes: true,
  width: true,
  height: true,
  titleZh: true,
  titleEn: true,
  creditZh: true,
  creditEn: true,
} as const;

/** The working copy's files (documents, then photos), in order: at most 2 × MAX_KIT_FILES rows. */
export async function kitOfRelease(db: Client, releaseId: string): Promise<KitFile[]> {
  const rows = await db.releaseFile.findMany({
    where: { releaseId, removedAt: null },
    orderBy: [{ kind: "asc" }, { position: "asc" }],
    select: FIELDS,
  });
  return rows as KitFile[];
}

/** The snapshot of the working copy's kit in `locale`, as a publication keeps it. */
export const kitSnapshot = (files: KitFile[], locale: ContentLocale) =>
  JSON.stringify(files.map((f) => kitFileIn(f, locale)));

export async function updateKitText(
  db: Db,
  actor: Actor | null,
  releaseId: string,
  id: string,
  text: KitText,
): Promise<Result<null>> {
  if (!actor || !can(actor.role, "presskit.write")) return fail("forbidden");
  return db.$transaction(async (tx) => {
    const { count } = await tx.releaseFile.updateMany({ where: { id, releaseId, removedAt: null }, data: text });
    if (count === 0) return fail("kit_file_not_found");
    await recordAudit(tx, { actorId: actor.id, action: "presskit.changed", releaseId, targetId: id });
    return ok(null);
  });
}

export async function removeKitFile(
  db: Db,
  actor: Actor | null,
  releaseId: string,
  id: string,
  store: MediaStore,
): Promise<Result<null>> {
  if (!actor || !can(actor.role, "presskit.write")) return fail("forbidden");
  const done = await db.$transaction(async (tx) => {
    const { count } = await tx.releaseFile.updateMany({
      where: { id, releaseId, removedAt: null },
      data: { removedAt: new Date() },
    });
    if (count === 0) return false;
    await recordAudit(tx, { actorId: actor.id, action: "presskit.removed", releaseId, targetId: id });
    return true;
  });
  if (!done) return fail("kit_file_not_found");
  await sweepRemovedFiles(db, releaseId, store);
  return ok(null);
}

/** Deletes the release's removed files that no publication lists any more, rows first, then bytes. */
export async function sweepRemovedFiles(db: Db, releaseId: string, store: MediaStore): Promise<number> {
  const gone = await db.$transaction(async (tx) => {
    const removed = await tx.releaseFile.findMany({
      where: { releaseId, removedAt: { not: null } },
      select: { id: true, kind: true, mime: true, width: true, storageKey: true },
    });
    if (removed.length === 0) return [];
    const live = await tx.publication.findMany({ where: { releaseId }, select: { presskit: true } });
    const listed = new Set(live.flatMap((p) => parseKit(p.presskit).map((f) => f.id)));
    const unlisted = removed.filter((r) => !listed.has(r.id));
    await tx.releaseFile.deleteMany({ where: { id: { in: unlisted.map((r) => r.id) } } });
    return unlisted;
  });
  for (const row of gone) await removeMediaFiles(store, row.storageKey, kitFiles(row));
  return gone.length;
}
