import { randomUUID } from "node:crypto";
import pino, { type Logger } from "pino";
import { logOptions } from "@/contract";

// The front server's log (the format is the contract's: src/contract/log.ts) and what one
// request line carries. See docs/OPERATIONS.md ("Request ids and logs").

export function createLogger(): Logger {
  return pino(logOptions(), process.stdout);
}

/** A log reader that went away must not take the server down (EPIPE on stdout). */
export function ignoreBrokenStdout(): void {
  process.stdout.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code !== "EPIPE") throw err;
  });
}

const REQUEST_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The incoming id when it is short and plain (no injection into logs), else a fresh UUID. */
export function requestIdFor(incoming: string | string[] | undefined): string {
  const value = Array.isArray(incoming) ? incoming[0] : incoming;
  return typeof value === "string" && REQUEST_ID.test(value) ? value : randomUUID();
}

/** The path without the query string: query values can hold tokens or personal data. */
export function pathOf(url = "/"): string {
  const end = url.search(/[?#]/);
  return (end === -1 ? url : url.slice(0, end)).slice(0, 1024);
}
