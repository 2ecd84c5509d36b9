import "server-only";
import { mediaFiles } from "@/domain/media/urls";
import type { Db } from "../db/client";
import { isLiveMedia } from "./references";
import { openMediaFile } from "./storage";

// Which stored file a /media/<id>/<file> request gets: readers only media a live publication uses,
// staff everything; null for anything else (the route answers 404 without saying why).

export async function openServableMedia(db: Db, mediaDir: string, id: string, file: string, staff: boolean) {
  const media = await db.media.findUnique({ where: { id }, select: { mime: true, width: true } });
  if (!media || !mediaFiles(media.mime, media.width).includes(file)) return null;
  if (!staff && !(await isLiveMedia(db, id))) return null;
  const stored = await openMediaFile(mediaDir, id, file);
  return stored && { ...stored, mime: file.endsWith(".webp") ? "image/webp" : media.mime };
}
