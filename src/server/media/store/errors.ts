import "server-only";
import { StorageError, type StorageFailure } from "./types";

// Turns what a backend threw (Node system errors, database driver errors, S3 service errors) into a
// StorageError whose reason the admin UI can explain and whose message an operator can act on.

const FULL = /ENOSPC|EDQUOT|disk is full|no space left|could not extend file|53100|XMinioStorageFull/i;
const DENIED_NAMES = new Set([
  "AccessDenied",
  "InvalidAccessKeyId",
  "SignatureDoesNotMatch",
  "InvalidToken",
  "ExpiredToken",
  "Forbidden",
]);

function reasonOf(error: unknown): StorageFailure {
  const e = error as { code?: unknown; name?: unknown; message?: unknown; $metadata?: { httpStatusCode?: number } };
  const str = (v: unknown) => (typeof v === "string" || typeof v === "number" ? String(v) : "");
  const text = `${str(e?.code)} ${str(e?.name)} ${str(e?.message)}`;
  if (FULL.test(text) || e?.$metadata?.httpStatusCode === 507) return "full";
  if (e?.code === "EACCES" || e?.code === "EPERM" || e?.code === "EROFS") return "denied";
  if (DENIED_NAMES.has(String(e?.name)) || e?.$metadata?.httpStatusCode === 403) return "denied";
  return "unavailable";
}

/** A StorageError for `error` (kept as is when it already is one), naming the operation and where. */
export function storageError(error: unknown, operation: string, where: string): StorageError {
  if (error instanceof StorageError) return error;
  const reason = reasonOf(error);
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return new StorageError(reason, `${operation} on ${where} failed (${reason}): ${detail.slice(0, 300)}`, {
    cause: error,
  });
}
