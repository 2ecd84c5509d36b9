import "server-only";
import { createReadStream } from "node:fs";
import { mkdir, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { isMediaId } from "@/domain/media/urls";

// Files on local disk: MEDIA_DIR/<first two id characters>/<id>/<file>. Paths are built only from
// ids we generated (checked against MEDIA_ID again here) and file names from our own fixed set.

const FILE = /^(original\.(jpg|png|webp)|w\d{3,4}\.webp)$/;

export const storageKeyOf = (id: string) => `${id.slice(0, 2)}/${id}`;

function folder(dir: string, id: string): string {
  if (!isMediaId(id)) throw new Error("invalid media id");
  return path.join(dir, storageKeyOf(id));
}

export function mediaPath(dir: string, id: string, file: string): string {
  if (!FILE.test(file)) throw new Error("invalid media file name");
  return path.join(folder(dir, id), file);
}

/** Writes all files of one item into a temporary folder, then moves it into place at once. */
export async function writeMediaFiles(dir: string, id: string, files: { file: string; data: Buffer }[]): Promise<void> {
  const target = folder(dir, id);
  const temp = path.join(dir, ".incoming", id);
  await mkdir(temp, { recursive: true });
  try {
    for (const { file, data } of files) {
      if (!FILE.test(file)) throw new Error("invalid media file name");
      await writeFile(path.join(temp, file), data, { flag: "wx" });
    }
    await mkdir(path.dirname(target), { recursive: true });
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
}

export async function removeMediaFiles(dir: string, id: string): Promise<void> {
  await rm(folder(dir, id), { recursive: true, force: true });
}

/** A web stream of one stored file and its size, or null when it is missing. */
export async function openMediaFile(
  dir: string,
  id: string,
  file: string,
): Promise<{ body: ReadableStream; size: number } | null> {
  const full = mediaPath(dir, id, file);
  try {
    const { size } = await stat(full);
    return { body: Readable.toWeb(createReadStream(full)) as ReadableStream, size };
  } catch {
    return null;
  }
}
