// What release operations return: data, or an error code the UI translates (never prose).
import type { WorkflowError } from "@/domain/release/errors";

export type ReleaseErrorCode = WorkflowError | "not_found" | "conflict" | "slug_taken" | "original_missing";

export type Result<T> = { ok: true; value: T } | { ok: false; code: ReleaseErrorCode; currentVersion?: number };

export const success = <T>(value: T): Result<T> => ({ ok: true, value });
export const failure = <T>(code: ReleaseErrorCode, currentVersion?: number): Result<T> =>
  currentVersion === undefined ? { ok: false, code } : { ok: false, code, currentVersion };

/** Thrown inside a transaction to roll it back with a code. */
export class ReleaseError extends Error {
  constructor(
    readonly code: ReleaseErrorCode,
    readonly currentVersion?: number,
  ) {
    super(code);
  }
}
