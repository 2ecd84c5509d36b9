import "server-only";
import { createWriteStream } from "node:fs";
import { mediaFiles } from "@/domain/media/urls";
import { kitFiles } from "../presskit/keys";
import type { MediaStore } from "../media/store";
import { StorageError } from "../media/store/types";
import { OpsError } from "./errors";
import type { MediaFileEntry } from "./export-format";
import { TarWriter, entryStream, readTarIndex, type TarEntry } from "./tar";

// Media in exports (docs/OPERATIONS.md, "Export and import"): a .tar export holds newsroom.json
// (content, Media rows, and the list of their files with SHA-256) followed by media/<key> for each
// file; import puts the files into the configured store, checked, before it writes any row.

export const JSON_ENTRY = "newsroom.json";
const MEDIA_PREFIX = "media/";

/** The files of every media row, as the store has them; files the store lacks are listed apart. */
export async function mediaManifest(
  store: MediaStore,
  media: { storageKey: string; mime: string; width: number }[],
  kit: { storageKey: string; kind: string; mime: string; width: number }[] = [],
): Promise<{ files: MediaFileEntry[]; missing: string[] }> {
  const files: MediaFileEntry[] = [];
  const missing: string[] = [];
  const items = [
    ...media.map((m) => ({ storageKey: m.storageKey, files: mediaFiles(m.mime, m.width) })),
    ...kit.map((k) => ({ storageKey: k.storageKey, files: kitFiles(k) })), // press kit (docs/PRESS-KIT.md)
  ];
  for (const m of items) {
    for (const file of m.files) {
      const key = `${m.storageKey}/${file}`;
      const info = await store.head(key);
      if (info) files.push({ key, size: info.size, sha256: info.sha256, contentType: info.contentType });
      else missing.push(key);
    }
  }
  return { files, missing };
}

/** Writes the archive: newsroom.json, then (unless `withFiles` is false) every listed file from the store. */
export async function writeExportArchive(
  file: string,
  data: { mediaFiles: MediaFileEntry[] },
  store: MediaStore,
  { withFiles, onProgress }: { withFiles: boolean; onProgress?: (done: number, total: number) => void },
): Promise<void> {
  const tar = new TarWriter(createWriteStream(file, { mode: 0o600, flags: "wx" }));
  await tar.addBuffer(JSON_ENTRY, Buffer.from(`${JSON.stringify(data, null, 2)}\n`));
  const files = withFiles ? data.mediaFiles : [];
  for (const [i, f] of files.entries()) {
    const object = await store.get(f.key);
    if (!object) throw new OpsError(`${f.key} disappeared from ${store.location} during the export; run it again.`);
    await tar.addStream(MEDIA_PREFIX + f.key, object.body, f.size); // the body fails on a checksum mismatch
    onProgress?.(i + 1, files.length);
  }
  await tar.finish();
}

export interface ArchiveContents {
  json: TarEntry;
  files: Map<string, TarEntry>;
}

/** The entries of an export archive; newsroom.json must come first. */
export async function readExportArchive(file: string): Promise<ArchiveContents> {
  const entries = await readTarIndex(file);
  const json = entries[0];
  if (json?.name !== JSON_ENTRY)
    throw new OpsError(`${file} is a tar archive but not a Newsroom export (no ${JSON_ENTRY} first).`);
  const files = new Map(
    entries.filter((e) => e.name.startsWith(MEDIA_PREFIX)).map((e) => [e.name.slice(MEDIA_PREFIX.length), e]),
  );
  return { json, files };
}

export interface MediaImport {
  /** keys written by this import (removed again if the import fails later) */
  put: string[];
  /** already in the store with the same SHA-256 (e.g. the same S3 bucket) */
  present: number;
  /** neither in the archive nor in the store */
  missing: string[];
}

/**
 * Puts every listed media file into `store`: from the archive when it has it, else it must already
 * be in the store with the same checksum. Refuses (putting nothing more) when files are missing,
 * unless `allowMissing`.
 */
export async function importMediaFiles(
  store: MediaStore,
  manifest: MediaFileEntry[],
  archive: { file: string; files: Map<string, TarEntry> } | null,
  { allowMissing = false, onProgress }: { allowMissing?: boolean; onProgress?: (done: number, total: number) => void },
): Promise<MediaImport> {
  const result: MediaImport = { put: [], present: 0, missing: [] };
  const toPut: [MediaFileEntry, TarEntry][] = [];
  for (const f of manifest) {
    const entry = archive?.files.get(f.key);
    const existing = await store.head(f.key).catch(() => null);
    if (existing?.sha256 === f.sha256) result.present++;
    else if (entry && entry.size === f.size) toPut.push([f, entry]);
    else result.missing.push(f.key);
  }
  if (result.missing.length && !allowMissing) {
    const some = result.missing.slice(0, 5).join(", ");
    throw new OpsError(
      `${result.missing.length} media files are neither in this export nor in ${store.location} (${some}${result.missing.length > 5 ? ", …" : ""}). ` +
        "Import a .tar export that holds them, copy them into the store first, or run again with --allow-missing-media (those images will be missing).",
    );
  }
  try {
    for (const [i, [f, entry]] of toPut.entries()) {
      await store.put(f.key, entryStream(archive!.file, entry), f); // checked against the SHA-256 while writing
      result.put.push(f.key);
      onProgress?.(i + 1, toPut.length);
    }
  } catch (error) {
    await removeImported(store, result.put);
    if (error instanceof StorageError && error.reason === "corrupt") {
      throw new OpsError(`The export is damaged: ${error.message}. Nothing was imported.`);
    }
    throw error;
  }
  return result;
}

export async function removeImported(store: MediaStore, keys: string[]): Promise<void> {
  for (const key of keys) await store.delete(key).catch(() => undefined);
}
