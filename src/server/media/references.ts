import "server-only";
import type { Locale } from "@/i18n/settings";
import type { Db } from "../db/client";

// Where media is used, found by scanning stored bodies for "/media/<id>/" (ids are fixed-length
// random hex, so one id never matches inside another). No usage table to keep in step: the live
// rule follows publishing, withdrawing and embargoes by itself. See docs/SECURITY.md "Media".

const REF = /\/media\/([a-f0-9]{24})\//g;
const needle = (id: string) => `/media/${id}/`;

export function mediaIdsIn(body: string): Set<string> {
  return new Set([...body.matchAll(REF)].map((m) => m[1]!));
}

/** True when a live publication (publishedAt <= now) references the media: readers may fetch it. */
export async function isLiveMedia(db: Db, id: string, now = new Date()): Promise<boolean> {
  const hit = await db.publication.findFirst({
    where: { publishedAt: { lte: now }, body: { contains: needle(id) } },
    select: { id: true },
  });
  return hit !== null;
}

/** Referenced by a working copy or by a live or scheduled snapshot: such media must not be deleted. */
export async function isMediaUsed(db: Pick<Db, "releaseContent" | "publication">, id: string): Promise<boolean> {
  const where = { body: { contains: needle(id) } };
  const [working, snapshots] = await Promise.all([db.releaseContent.count({ where }), db.publication.count({ where })]);
  return working + snapshots > 0;
}

export interface MediaUse {
  releaseId: string;
  locale: Locale;
  title: string;
  /** working copy, live snapshot, or a snapshot waiting for its embargo */
  kind: "working" | "live" | "scheduled";
}

/** Every use of every media item, from the bodies that mention /media/ at all. */
export async function mediaUsage(db: Db, now = new Date()): Promise<Map<string, MediaUse[]>> {
  const where = { body: { contains: "/media/" } };
  const select = { releaseId: true, locale: true, title: true, body: true } as const;
  const [working, snapshots] = await Promise.all([
    db.releaseContent.findMany({ where, select }),
    db.publication.findMany({ where, select: { ...select, publishedAt: true } }),
  ]);
  const out = new Map<string, MediaUse[]>();
  const add = (row: { releaseId: string; locale: Locale; title: string; body: string }, kind: MediaUse["kind"]) => {
    for (const id of mediaIdsIn(row.body)) {
      const list = out.get(id) ?? [];
      list.push({ releaseId: row.releaseId, locale: row.locale, title: row.title, kind });
      out.set(id, list);
    }
  };
  for (const row of working) add(row, "working");
  for (const row of snapshots) add(row, row.publishedAt <= now ? "live" : "scheduled");
  return out;
}
