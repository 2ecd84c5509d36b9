import "server-only";
import { headers } from "next/headers";
import pino, { type Logger } from "pino";
import { logOptions } from "@/contract";

// Structured JSON logs on stdout (one object per line), the same format as the front server's
// (src/contract/log.ts): ISO time, level label, msg, and `reqId` when the line belongs to a
// request. See docs/OPERATIONS.md.
export const log: Logger = pino(logOptions(), process.stdout);

/** The id the server gave the current request (X-Request-Id), or undefined outside a request. */
export async function currentRequestId(): Promise<string | undefined> {
  try {
    return (await headers()).get("x-request-id") ?? undefined;
  } catch {
    // Outside a request (scripts, build, cached scopes): no id to bind.
    return undefined;
  }
}

/** The logger bound to the current request's id, when there is one. */
export async function requestLog(): Promise<Logger> {
  const reqId = await currentRequestId();
  return reqId ? log.child({ reqId }) : log;
}

/** Logs an unexpected error with the current request's id; never throws. */
export async function logError(error: unknown, msg: string, fields: Record<string, unknown> = {}): Promise<void> {
  try {
    (await requestLog()).error({ ...fields, err: error }, msg);
  } catch {
    // Logging must never turn a handled error into an unhandled one.
  }
}
