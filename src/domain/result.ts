// One result shape for every service and server action: a value, or a code the UI translates.
import type { ErrorCode } from "./errors";

export interface Ok<T> {
  ok: true;
  value: T;
}

export interface Failure<C extends ErrorCode = ErrorCode> {
  ok: false;
  code: C;
  /** Interpolation values for the code's text (e.g. `{ minutes: 15 }`). */
  params?: Record<string, string | number>;
  /** Refused as a conflict: the version someone else saved meanwhile. */
  currentVersion?: number;
}

export type Result<T, C extends ErrorCode = ErrorCode> = Ok<T> | Failure<C>;

export const ok = <T>(value: T): Ok<T> => ({ ok: true, value });

export function fail<C extends ErrorCode>(code: C, extra: Omit<Failure<C>, "ok" | "code"> = {}): Failure<C> {
  return { ok: false, code, ...extra };
}
