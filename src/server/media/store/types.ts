import "server-only";
import type { Readable } from "node:stream";

// The media store: where the bytes of uploaded files live (docs/OPERATIONS.md "Media"). Files in
// general, not only images: a key names one immutable file; every backend records its size,
// SHA-256 and content type, and every read is checked against that SHA-256.

export type StoreKind = "database" | "s3" | "disk";

export interface ObjectInfo {
  key: string;
  size: number;
  /** lower-case hex SHA-256 of the bytes */
  sha256: string;
  contentType: string;
}

export interface ObjectBody extends ObjectInfo {
  /** The bytes; the stream fails with StorageError("corrupt") when they do not match size and SHA-256. */
  body: Readable;
}

export interface ListedObject {
  key: string;
  size: number;
}

export interface MediaStore {
  readonly kind: StoreKind;
  /** Where the files are, for messages and logs (never credentials). */
  readonly location: string;
  /**
   * Stores `data` under a new key. `size` and `sha256` are what the caller expects: the store
   * checks them while writing and refuses (nothing stored) on a mismatch. Keys are write-once.
   */
  put(key: string, data: Buffer | Readable, info: Omit<ObjectInfo, "key">): Promise<ObjectInfo>;
  get(key: string): Promise<ObjectBody | null>;
  head(key: string): Promise<ObjectInfo | null>;
  exists(key: string): Promise<boolean>;
  /** Removes the file; a missing key is not an error. */
  delete(key: string): Promise<void>;
  /** Every key under `prefix`, in key order. */
  list(prefix?: string): AsyncIterable<ListedObject>;
  close(): Promise<void>;
}

/** Why a store operation failed, in terms an operator and the admin UI can act on. */
export type StorageFailure = "unavailable" | "denied" | "full" | "corrupt" | "exists";

export class StorageError extends Error {
  constructor(
    readonly reason: StorageFailure,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "StorageError";
  }
}

/**
 * Keys are lower-case path segments of [a-z0-9._-], none starting with a dot, at most 512
 * characters: safe as a file path, an S3 key and a database value alike.
 */
const KEY = /^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)*$/;
export function isStorageKey(key: string): boolean {
  return key.length <= 512 && KEY.test(key);
}

export function assertKey(key: string): void {
  if (!isStorageKey(key)) throw new Error(`invalid storage key: ${JSON.stringify(key.slice(0, 80))}`);
}

/** Content types by file extension, for files whose store does not record one (disk). */
export function contentTypeOf(key: string): string {
  const ext = /\.([a-z0-9]+)$/.exec(key)?.[1];
  const types: Record<string, string> = {
    jpg: "image/jpeg",
    jpeg: "image/jpeg",
    png: "image/png",
    webp: "image/webp",
    pdf: "application/pdf",
  };
  return (ext && types[ext]) ?? "application/octet-stream";
}
