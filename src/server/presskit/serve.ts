import "server-only";
import { isKitId, parseKit } from "@/domain/presskit/kit";
import type { Db } from "../db/client";
import { mediaKey } from "../media/files";
import type { MediaCache, MediaStore } from "../media/store";
import { kitFiles, mainFile } from "./keys";

// Which press-kit file a request gets. Readers: only files a publication lists whose time has
// come (so embargo and withdraw apply exactly as to the page); staff: every file of the working
// copy and every file a publication still lists. Null for anything else (the route says 404).

export interface KitRow {
  id: string;
  releaseId: string;
  kind: string;
  mime: string;
  width: number;
  storageKey: string;
  fileName: string;
}

/** The row of `id` if a reader may have it now (by the live snapshots of its release). */
export async function servableKitRow(db: Db, id: string, staff: boolean, now: Date): Promise<KitRow | null> {
  if (!isKitId(id)) return null;
  const row = await db.releaseFile.findUnique({
    where: { id },
    select: { id: true, releaseId: true, kind: true, mime: true, width: true, storageKey: true, fileName: true },
  });
  if (!row || staff) return row;
  const live = await db.publication.findMany({
    where: { releaseId: row.releaseId, publishedAt: { lte: now } },
    select: { presskit: true },
  });
  return live.some((p) => parseKit(p.presskit).some((f) => f.id === id)) ? row : null;
}

/** The bytes of `file` of a servable row (the main file when `file` is null). */
export async function openKitFile(media: { store: MediaStore; cache: MediaCache }, row: KitRow, file: string | null) {
  const name = file ?? mainFile(row.kind, row.mime);
  if (!kitFiles(row).includes(name)) return null;
  const served = await media.cache.open(mediaKey(row.storageKey, name), media.store);
  return served && { ...served, mime: name.endsWith(".webp") ? "image/webp" : row.mime };
}
