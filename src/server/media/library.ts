import "server-only";
import type { ClientMedia } from "@/domain/media/schemas";
import type { Db } from "../db/client";
import { mediaUsage, type MediaUse } from "./references";

// The media library's view: newest first, with uploader and every use; optionally only unused.

export const LIBRARY_PAGE_SIZE = 48;

export interface LibraryItem extends ClientMedia {
  createdAt: Date;
  uploader: string | null;
  uses: MediaUse[];
}

export async function listMedia(
  db: Db,
  { unusedOnly = false, page = 1, now = new Date() }: { unusedOnly?: boolean; page?: number; now?: Date } = {},
): Promise<{ items: LibraryItem[]; total: number; pages: number }> {
  const usage = await mediaUsage(db, now);
  const where = unusedOnly ? { id: { notIn: [...usage.keys()] } } : {};
  const [total, rows] = await Promise.all([
    db.media.count({ where }),
    db.media.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * LIBRARY_PAGE_SIZE,
      take: LIBRARY_PAGE_SIZE,
      include: { uploader: { select: { displayName: true } } },
    }),
  ]);
  const items = rows.map(({ uploader, sha256: _sha, storageKey: _key, uploaderId: _uid, ...row }) => ({
    ...row,
    uploader: uploader?.displayName ?? null,
    uses: usage.get(row.id) ?? [],
  }));
  return { items, total, pages: Math.max(1, Math.ceil(total / LIBRARY_PAGE_SIZE)) };
}

/** What the editor's picker gets about an item (the same shape as an upload's answer). */
export const toClient = (m: ClientMedia): ClientMedia => ({
  id: m.id,
  mime: m.mime,
  bytes: m.bytes,
  width: m.width,
  height: m.height,
  altZh: m.altZh,
  altEn: m.altEn,
});
