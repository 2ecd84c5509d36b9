import "server-only";
import { isMediaId } from "@/domain/media/urls";
import { logError } from "../log";
import type { MediaStore } from "./store";
import { StorageError, type StorageFailure } from "./store/types";
import { sha256Hex } from "./store/verify";

// The files of one media item in the store: "<storageKey>/<file>", storageKey "<2 id chars>/<id>"
// (the layout MEDIA_DIR had on disk). Ids are ours and checked again here; file names are ours.

export const storageKeyOf = (id: string) => {
  if (!isMediaId(id)) throw new Error("invalid media id");
  return `${id.slice(0, 2)}/${id}`;
};
export const mediaKey = (storageKey: string, file: string) => `${storageKey}/${file}`;

export interface MediaFile {
  file: string;
  data: Buffer;
  contentType: string;
}

/** Admin error code for each way the store can fail (locales/*\/errors.json). */
export const STORAGE_CODE = {
  unavailable: "media_storage_unavailable",
  denied: "media_storage_denied",
  full: "media_storage_full",
  corrupt: "media_storage_corrupt",
  exists: "media_storage_unavailable",
} as const satisfies Record<StorageFailure, string>;
export type StorageCode = (typeof STORAGE_CODE)[StorageFailure];

/**
 * Stores every file of one item, or none: on a failure the files already written are removed and
 * the failure is logged with the store and key. Nothing that was stored before is touched.
 */
export async function putMediaFiles(
  store: MediaStore,
  storageKey: string,
  files: MediaFile[],
): Promise<{ ok: true } | { ok: false; code: StorageCode }> {
  const written: string[] = [];
  for (const f of files) {
    const key = mediaKey(storageKey, f.file);
    try {
      await store.put(key, f.data, { size: f.data.length, sha256: sha256Hex(f.data), contentType: f.contentType });
      written.push(key);
    } catch (error) {
      const reason = error instanceof StorageError ? error.reason : "unavailable";
      await logError(error, "media storage: upload not stored", { store: store.kind, key, reason });
      await Promise.all(written.map((k) => store.delete(k).catch(() => undefined)));
      return { ok: false, code: STORAGE_CODE[reason] };
    }
  }
  return { ok: true };
}

/** Removes the files of a deleted item; a failure leaves orphaned bytes (logged), never a broken item. */
export async function removeMediaFiles(store: MediaStore, storageKey: string, files: string[]): Promise<void> {
  for (const file of files) {
    const key = mediaKey(storageKey, file);
    await store
      .delete(key)
      .catch((error: unknown) =>
        logError(error, "media storage: file of a deleted item not removed", { store: store.kind, key }),
      );
  }
}
