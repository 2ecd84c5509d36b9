import "server-only";
import type { ClientMedia } from "@/domain/media/schemas";
import type { Db } from "../db/client";
import { mediaUses, type MediaUse } from "./references";

// The media library's view: newest first, with uploader and every use; optionally only unused.
// Reads one page of media and the uses of that page only (indexed lookups), whatever the archive size.

export const LIBRARY_PAGE_SIZE = 48;

export interface LibraryItem extends ClientMedia {
  createdAt: Date;
  uploaderId: string | null;
  uploader: string | null;
  uses: MediaUse[];
}

/** Media no working copy, revision or publication shows. */
export const UNUSED = { contentUses: { none: {} }, revisionUses: { none: {} }, publicationUses: { none: {} } } as const;

export async function listMedia(
  db: Db,
  { unusedOnly = false, page = 1, now = new Date() }: { unusedOnly?: boolean; page?: number; now?: Date } = {},
): Promise<{ items: LibraryItem[]; total: number; pages: number }> {
  const where = unusedOnly ? UNUSED : {};
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
  const uses = await mediaUses(
    db,
    rows.map((r) => r.id),
    now,
  );
  const items = rows.map(({ uploader, sha256: _sha, storageKey: _key, ...row }) => ({
    ...row,
    uploader: uploader?.displayName ?? null,
    uses: uses.get(row.id) ?? [],
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
