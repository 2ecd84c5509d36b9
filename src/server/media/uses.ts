import "server-only";
import type { Db } from "../db/client";
import type { Tx } from "../releases/transaction";
import { mediaIdsIn } from "./references";

// Which media each working copy, revision and publication shows, kept in ContentMedia,
// RevisionMedia and PublicationMedia (docs/ARCHITECTURE.md, docs/SECURITY.md "Media"). Written in
// the same transaction as the content: every save, restore, publish and withdraw calls
// syncMediaUses; a withdrawn publication's rows go with it (cascade).

type Client = Tx | Db;
type Body = { id: string; body: string };

/** The media ids each row shows, limited to media that exist (a body may name a deleted image). */
async function usesIn<T extends Body>(tx: Client, rows: T[]): Promise<[T, string][]> {
  const wanted = new Set(rows.flatMap((r) => [...mediaIdsIn(r.body)]));
  if (wanted.size === 0) return [];
  const found = await tx.media.findMany({ where: { id: { in: [...wanted] } }, select: { id: true } });
  const known = new Set(found.map((m) => m.id));
  return rows.flatMap((r) => [...mediaIdsIn(r.body)].filter((id) => known.has(id)).map((id): [T, string] => [r, id]));
}

/** Rewrites the uses of one release: its working copies, its publications and its newest revisions. */
export async function syncMediaUses(tx: Client, releaseId: string): Promise<void> {
  const select = { id: true, body: true } as const;
  const contents = await tx.releaseContent.findMany({ where: { releaseId }, select });
  const publications = await tx.publication.findMany({
    where: { releaseId },
    select: { ...select, publishedAt: true },
  });
  const revisions = [];
  for (const locale of ["zh", "en"] as const) {
    const newest = await tx.revision.findFirst({ where: { releaseId, locale }, orderBy: { number: "desc" }, select });
    if (newest) revisions.push(newest);
  }
  await tx.contentMedia.deleteMany({ where: { contentId: { in: contents.map((c) => c.id) } } });
  await tx.contentMedia.createMany({
    data: (await usesIn(tx, contents)).map(([c, mediaId]) => ({ contentId: c.id, mediaId })),
  });
  await tx.publicationMedia.deleteMany({ where: { publicationId: { in: publications.map((p) => p.id) } } });
  await tx.publicationMedia.createMany({
    data: (await usesIn(tx, publications)).map(([p, mediaId]) => ({
      publicationId: p.id,
      mediaId,
      publishedAt: p.publishedAt,
    })),
  });
  // Older revisions never change: their uses were written when they were the newest.
  await tx.revisionMedia.deleteMany({ where: { revisionId: { in: revisions.map((r) => r.id) } } });
  await tx.revisionMedia.createMany({
    data: (await usesIn(tx, revisions)).map(([r, mediaId]) => ({ revisionId: r.id, mediaId })),
  });
}

const PAGE = 500;
const mentionsMedia = (after: string) => ({ id: { gt: after }, body: { contains: "/media/" } });
const page = { orderBy: { id: "asc" as const }, take: PAGE };

async function everyPage<T extends Body>(
  db: Db,
  read: (after: string) => Promise<T[]>,
  write: (uses: [T, string][]) => Promise<unknown>,
): Promise<number> {
  let count = 0;
  for (let after = ""; ;) {
    const rows = await read(after);
    const uses = await usesIn(db, rows);
    if (uses.length) await write(uses);
    count += uses.length;
    if (rows.length < PAGE) return count;
    after = rows[rows.length - 1]!.id;
  }
}

/**
 * Records the uses of every body in the database: after an import, or once after the upgrade that
 * introduced the use tables. Reads only bodies that mention /media/, a page at a time.
 */
export async function rebuildMediaUses(db: Db): Promise<{ uses: number }> {
  await db.revisionMedia.deleteMany({});
  await db.contentMedia.deleteMany({});
  await db.publicationMedia.deleteMany({});
  const select = { id: true, body: true } as const;
  const revisions = await everyPage(
    db,
    (after) => db.revision.findMany({ where: mentionsMedia(after), select, ...page }),
    (uses) => db.revisionMedia.createMany({ data: uses.map(([r, mediaId]) => ({ revisionId: r.id, mediaId })) }),
  );
  const contents = await everyPage(
    db,
    (after) => db.releaseContent.findMany({ where: mentionsMedia(after), select, ...page }),
    (uses) => db.contentMedia.createMany({ data: uses.map(([c, mediaId]) => ({ contentId: c.id, mediaId })) }),
  );
  const publications = await everyPage(
    db,
    (after) =>
      db.publication.findMany({ where: mentionsMedia(after), select: { ...select, publishedAt: true }, ...page }),
    (uses) =>
      db.publicationMedia.createMany({
        data: uses.map(([p, mediaId]) => ({ publicationId: p.id, mediaId, publishedAt: p.publishedAt })),
      }),
  );
  return { uses: revisions + contents + publications };
}
