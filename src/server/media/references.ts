import "server-only";
import type { Locale } from "@/i18n/settings";
import type { Db } from "../db/client";
import type { Tx } from "../releases/transaction";

// Where media is used, from the use tables written with the content (uses.ts): the anonymous
// /media check is one indexed lookup, and the library reads only the uses of the page it shows.

const REF = /\/media\/([a-f0-9]{24})\//g;

/** Media ids a stored body refers to (ids are fixed-length random hex: one never matches inside another). */
export function mediaIdsIn(body: string): Set<string> {
  return new Set([...body.matchAll(REF)].map((m) => m[1]!));
}

/** True when a live publication (publishedAt <= now) shows the media: readers may fetch it. */
export async function isLiveMedia(db: Db, id: string, now = new Date()): Promise<boolean> {
  const hit = await db.publicationMedia.findFirst({
    where: { mediaId: id, publishedAt: { lte: now } },
    select: { mediaId: true },
  });
  return hit !== null;
}

/** Shown by a working copy, a revision (restorable) or a live or scheduled publication: must not be deleted. */
export async function isMediaUsed(tx: Tx | Db, id: string): Promise<boolean> {
  const where = { mediaId: id };
  const select = { mediaId: true } as const;
  const hits = await Promise.all([
    tx.contentMedia.findFirst({ where, select }),
    tx.publicationMedia.findFirst({ where, select }),
    tx.revisionMedia.findFirst({ where, select }),
  ]);
  return hits.some((h) => h !== null);
}

export interface MediaUse {
  releaseId: string;
  locale: Locale;
  title: string;
  /** working copy, live snapshot, snapshot waiting for its embargo, or only an earlier revision */
  kind: "working" | "live" | "scheduled" | "revision";
}

/** Every use of the given media (one library page), by release and language. */
export async function mediaUses(db: Db, ids: string[], now = new Date()): Promise<Map<string, MediaUse[]>> {
  const where = { mediaId: { in: ids } };
  const fields = { select: { releaseId: true, locale: true, title: true } } as const;
  const [working, published, revised] = await Promise.all([
    db.contentMedia.findMany({ where, select: { mediaId: true, content: fields } }),
    db.publicationMedia.findMany({ where, select: { mediaId: true, publishedAt: true, publication: fields } }),
    db.revisionMedia.findMany({
      where,
      select: { mediaId: true, revision: fields },
      orderBy: { revision: { number: "desc" } },
    }),
  ]);
  const out = new Map<string, MediaUse[]>();
  const add = (mediaId: string, use: MediaUse) => {
    const list = out.get(mediaId) ?? [];
    const seen = list.some((u) => u.releaseId === use.releaseId && u.locale === use.locale);
    if (use.kind !== "revision" || !seen) list.push(use); // a revision counts only where nothing newer does
    out.set(mediaId, list);
  };
  for (const w of working) add(w.mediaId, { ...w.content, kind: "working" });
  for (const p of published) add(p.mediaId, { ...p.publication, kind: p.publishedAt <= now ? "live" : "scheduled" });
  for (const r of revised) add(r.mediaId, { ...r.revision, kind: "revision" });
  return out;
}
