import "server-only";
import { mediaFiles } from "@/domain/media/urls";
import type { Db } from "../db/client";
import { mediaKey } from "./files";
import { isLiveMedia } from "./references";
import type { MediaCache, MediaStore } from "./store";

// Which stored file a /media/<id>/<file> request gets: readers only media a live publication shows,
// staff everything; null for anything else (the route answers 404 without saying why). The bytes
// come through this instance's cache; a store failure is thrown as a StorageError.

export async function openServableMedia(
  db: Db,
  media: { store: MediaStore; cache: MediaCache },
  id: string,
  file: string,
  staff: boolean,
) {
  const row = await db.media.findUnique({ where: { id }, select: { mime: true, width: true, storageKey: true } });
  if (!row || !mediaFiles(row.mime, row.width).includes(file)) return null;
  if (!staff && !(await isLiveMedia(db, id))) return null;
  const served = await media.cache.open(mediaKey(row.storageKey, file), media.store);
  return served && { ...served, mime: file.endsWith(".webp") ? "image/webp" : row.mime };
}
