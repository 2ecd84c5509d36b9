// What release operations return: data, or an error code the UI translates (never prose).
import type { WorkflowError } from "@/domain/release/errors";
import { fail, ok, type Result as AnyResult } from "@/domain/result";

export type ReleaseErrorCode =
  | WorkflowError
  | "not_found"
  | "conflict"
  | "slug_taken"
  | "original_missing"
  | "body_unsupported"
  | "term_errors_block";

export type Result<T> = AnyResult<T, ReleaseErrorCode>;

export const success = ok;
export const failure = <T>(code: ReleaseErrorCode, currentVersion?: number): Result<T> =>
  currentVersion === undefined ? fail(code) : fail(code, { currentVersion });

/** Thrown inside a transaction to roll it back with a code. */
export class ReleaseError extends Error {
  constructor(
    readonly code: ReleaseErrorCode,
    readonly currentVersion?: number,
  ) {
    super(code);
  }
}
