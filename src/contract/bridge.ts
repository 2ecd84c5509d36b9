// How the app talks to the front server: same process, same global object (next({ dev: false })
// loads the app's server code into the front server's process). The front server installs the
// bridge before Next loads; under `next dev` / `next start` there is none and the app's calls are
// no-ops (src/server/front-bridge.ts). See docs/CACHING.md.

export interface PurgeRequest {
  /** Also tell the other instances on the same PostgreSQL. */
  broadcast: boolean;
  /** Only the entries carrying one of these tags; absent: everything. */
  tags?: readonly string[];
}

export interface FrontBridge {
  /** After a change readers can see; in a request, once more when its response has ended. */
  purge(request: PurgeRequest): void;
  /** The data read for the current response has its next embargo end at `at` (ms; Infinity: none). */
  noteHorizon(at: number): void;
  /** The current response shows data carrying these tags (for selective purges). */
  noteTags(tags: readonly string[]): void;
  /**
   * The current response is dynamic for Next (it reads the query string) but shows only data whose
   * tags and embargo horizon it reported: the response cache may keep it, though Next says no-store.
   */
  allowStore(): void;
  /** The next embargo end is known for the current cache generation and still ahead. */
  horizonKnown(): boolean;
  /** True for the front server's own loopback requests (a per-process secret, never configured). */
  verifyInternal(token: string | null | undefined): boolean;
}

export type ShutdownHook = () => Promise<void>;

/** Background work of the app (src/instrumentation.ts registers it), started once the server listens. */
export interface AppWorkers {
  /** Starts the mail and webhook outbox worker; false when MAIL_WORKER=off (docs/DISTRIBUTION.md). */
  start(): Promise<boolean>;
}

declare global {
  var newsroomFront: FrontBridge | undefined;
  var newsroomShutdown: Set<ShutdownHook> | undefined;
  var newsroomDistribution: AppWorkers | undefined;
}

export const frontBridge = (): FrontBridge | undefined => globalThis.newsroomFront;

export function installFrontBridge(bridge: FrontBridge | undefined): void {
  globalThis.newsroomFront = bridge;
}

/** Cleanups the app registers (src/server/db.ts: closeDb); the front server runs them at shutdown. */
export function shutdownHooks(): Set<ShutdownHook> {
  return (globalThis.newsroomShutdown ??= new Set());
}

/** Starts the app's background workers if the app registered them (it stops them through shutdownHooks). */
export async function startAppWorkers(): Promise<boolean> {
  return (await globalThis.newsroomDistribution?.start()) ?? false;
}
