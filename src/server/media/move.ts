import "server-only";
import { buffer } from "node:stream/consumers";
import { StorageError, type MediaStore, type ObjectInfo } from "./store";

// Moves every file from one store to another (`npm run media:migrate`, the upgrade from MEDIA_DIR).
// Resumable: a file already in the target with the same SHA-256 is not copied again. Nothing is
// removed from the source before its copy has been read back from the target and checked.

export interface MoveOptions {
  /** copy only: leave every file in the source */
  keepSource?: boolean;
  onProgress?: (done: number, total: number) => void;
}

export interface MoveReport {
  total: number;
  copied: number;
  /** already in the target with the same checksum (an earlier, interrupted run) */
  already: number;
  removedFromSource: number;
  bytes: number;
  failed: { key: string; reason: string }[];
}

/** Reads the target's copy back whole and checks it against the source's size and SHA-256. */
async function verifyCopy(target: MediaStore, expected: ObjectInfo): Promise<void> {
  const copy = await target.get(expected.key);
  if (!copy) throw new StorageError("corrupt", `${expected.key}: not found in ${target.location} after copying`);
  if (copy.sha256 !== expected.sha256 || copy.size !== expected.size) {
    copy.body.destroy();
    throw new StorageError("corrupt", `${expected.key}: the copy in ${target.location} has another checksum`);
  }
  await buffer(copy.body); // the stream fails if the bytes do not match the recorded checksum
}

/** Copies one file unless the target has it already; returns what happened. */
async function moveOne(source: MediaStore, target: MediaStore, key: string): Promise<"copied" | "already" | null> {
  const info = await source.head(key);
  if (!info) return null; // removed meanwhile
  const existing = await target.head(key).catch((error: unknown) => {
    // An object without our checksum metadata is what an interrupted upload can leave: copy over it.
    if (error instanceof StorageError && error.reason === "corrupt") return null;
    throw error;
  });
  if (existing && existing.sha256 !== info.sha256) {
    throw new StorageError("exists", `${key}: ${target.location} already has other content under this key`);
  }
  if (!existing) {
    const object = await source.get(key);
    if (!object) return null;
    await target.put(key, object.body, info);
  }
  await verifyCopy(target, info);
  return existing ? "already" : "copied";
}

export async function moveMedia(
  source: MediaStore,
  target: MediaStore,
  options: MoveOptions = {},
): Promise<MoveReport> {
  const listed = [];
  for await (const entry of source.list()) listed.push(entry);
  const report: MoveReport = {
    total: listed.length,
    copied: 0,
    already: 0,
    removedFromSource: 0,
    bytes: 0,
    failed: [],
  };
  options.onProgress?.(0, listed.length);
  for (const [i, { key, size }] of listed.entries()) {
    try {
      const outcome = await moveOne(source, target, key);
      if (outcome) {
        report[outcome]++;
        report.bytes += size;
        if (!options.keepSource) {
          await source.delete(key);
          report.removedFromSource++;
        }
      }
    } catch (error) {
      // A damaged or conflicting file is reported and left where it is; a store that fails stops the run.
      if (!(error instanceof StorageError) || (error.reason !== "corrupt" && error.reason !== "exists")) throw error;
      report.failed.push({ key, reason: error.message });
    }
    options.onProgress?.(i + 1, listed.length);
  }
  return report;
}
