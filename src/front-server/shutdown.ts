import type { Server } from "node:http";
import type { Logger } from "pino";
import { shutdownHooks } from "@/contract";

// Graceful shutdown (docs/OPERATIONS.md): stop accepting, let requests in flight finish (at most
// drainMs), close idle keep-alive sockets, then close Next, the pipeline and the app's resources.

export interface InFlight {
  /** Requests being answered now. */
  readonly count: number;
  /** Resolves when the count reaches 0. */
  idle(): Promise<void>;
}

/** Counts requests, and says when there are none left. */
export function inFlightCounter(): InFlight & { start(): void; finish(): void } {
  let count = 0;
  let wake: (() => void) | undefined;
  return {
    get count() {
      return count;
    },
    start: () => void (count += 1),
    finish() {
      count -= 1;
      if (count === 0) wake?.();
    },
    idle: () => (count === 0 ? Promise.resolve() : new Promise<void>((r) => (wake = r))),
  };
}

/** Cleanups the app registered on globalThis (src/server/db.ts: closeDb); how many ran. */
export async function runAppShutdownHooks(logger: Pick<Logger, "error">): Promise<number> {
  const hooks = shutdownHooks();
  for (const hook of hooks) {
    try {
      await hook();
    } catch (err) {
      logger.error({ err }, "shutdown hook failed");
    }
  }
  return hooks.size;
}

/** Stops accepting connections at once; resolves when the server has closed. */
export function stopAccepting(server: Server): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  return closed;
}

/** Waits for the requests in flight, at most `drainMs`; true when all finished. */
export async function drain(inFlight: InFlight, drainMs: number): Promise<boolean> {
  if (inFlight.count === 0) return true;
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((r) => (timer = setTimeout(() => r(false), drainMs)));
  const drained = await Promise.race([inFlight.idle().then(() => true as const), timedOut]);
  clearTimeout(timer);
  return drained;
}

/** Closes the connections left (idle keep-alive sockets at once, the rest after 1 s or now). */
export async function closeLeftovers(server: Server, drained: boolean, closed: Promise<void>): Promise<void> {
  setImmediate(() => server.closeIdleConnections());
  const timer = setTimeout(() => server.closeAllConnections(), drained ? 1_000 : 0);
  await closed;
  clearTimeout(timer);
}
