import "server-only";
import type { Readable } from "node:stream";
import yazl from "yazl";
import { kitFileIn, parseKit, type PublicKitFile } from "@/domain/presskit/kit";
import type { ContentLocale } from "@/i18n/settings";
import type { Db } from "../db/client";
import { mediaKey } from "../media/files";
import type { MediaCache, MediaStore } from "../media/store";
import { mainFile } from "./keys";
import { kitOfRelease } from "./store";

// "Download all" photos of a release as one zip, streamed: yazl asks for each photo's bytes only
// when it reaches it, and the response body pulls the zip as the client reads, so at most a few
// chunks of one photo are in memory whatever the kit's size (docs/PRESS-KIT.md).

export interface ZipPlan {
  name: string;
  photos: PublicKitFile[];
  storageKeys: Map<string, { storageKey: string; mime: string }>;
}

/**
 * What the zip of `releaseId` in `locale` holds: readers get the live snapshot whose time has come;
 * staff the snapshot whatever its time, or the working copy when there is none. Null: 404.
 */
export async function planPhotoZip(
  db: Db,
  releaseId: string,
  locale: ContentLocale,
  staff: boolean,
  now: Date,
): Promise<ZipPlan | null> {
  const live = await db.publication.findUnique({
    where: { releaseId_locale: { releaseId, locale } },
    select: { slug: true, presskit: true, publishedAt: true },
  });
  let photos: PublicKitFile[];
  if (live && (staff || live.publishedAt <= now)) photos = parseKit(live.presskit).filter((f) => f.kind === "photo");
  else if (staff)
    photos = (await kitOfRelease(db, releaseId)).filter((f) => f.kind === "photo").map((f) => kitFileIn(f, locale));
  else return null;
  if (photos.length === 0) return null;
  const rows = await db.releaseFile.findMany({
    where: { id: { in: photos.map((p) => p.id) }, releaseId },
    select: { id: true, storageKey: true, mime: true },
  });
  const storageKeys = new Map(rows.map((r) => [r.id, r]));
  return {
    name: `${live?.slug ?? releaseId}-photos.zip`,
    photos: photos.filter((p) => storageKeys.has(p.id)),
    storageKeys,
  };
}

/** Entry names: "01-name.jpg" (numbered, so two photos with one name stay apart). */
const entryName = (i: number, p: PublicKitFile) => `${String(i + 1).padStart(2, "0")}-${p.fileName}`;

/** The captions and credits, one block per photo, so they travel with the files. */
function captions(plan: ZipPlan): string {
  return plan.photos
    .map((p, i) => [entryName(i, p), p.title, p.credit].filter(Boolean).join("\r\n"))
    .join("\r\n\r\n")
    .concat("\r\n");
}

export function photoZip(plan: ZipPlan, media: { store: MediaStore; cache: MediaCache }): Readable {
  const zip = new yazl.ZipFile();
  plan.photos.forEach((p, i) => {
    const row = plan.storageKeys.get(p.id)!;
    const key = mediaKey(row.storageKey, mainFile("photo", row.mime));
    // Photos are already compressed: stored, not deflated (faster, same size).
    zip.addReadStreamLazy(entryName(i, p), { compress: false, mtime: new Date() }, (cb) => {
      media.cache.open(key, media.store).then(
        (served) => (served ? cb(null, served.body) : cb(new Error(`press kit file missing: ${key}`), null as never)),
        (error: unknown) => cb(error, null as never),
      );
    });
  });
  zip.addBuffer(Buffer.from(captions(plan), "utf8"), "captions.txt", { mtime: new Date() });
  zip.end();
  return zip.outputStream as Readable;
}
