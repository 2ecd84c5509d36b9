import "server-only";
import { frontBridge } from "@/contract";

// The app's side of the bridge to the front server (src/front-server), which runs in the same
// process and installs itself on globalThis before Next loads (src/contract/bridge.ts). Absent
// under `next dev`, `next start` and in tests: every call is then a no-op. See docs/CACHING.md.

/** True when the app runs behind the front server (which then sets the internal request headers). */
export const behindFrontServer = (): boolean => frontBridge() !== undefined;

/**
 * Empties the front server's cache of public responses; `broadcast` also tells the other
 * instances. With `tags`, only the responses that reported one of them (and those that reported
 * none) go.
 */
export function purgeResponseCache(broadcast: boolean, tags?: readonly string[]): void {
  frontBridge()?.purge({ broadcast, ...(tags && { tags }) });
}

/** The response being rendered shows data carrying these tags: a purge of any of them drops it. */
export function reportCacheTags(tags: readonly string[]): void {
  frontBridge()?.noteTags(tags);
}

/**
 * The response being rendered is dynamic (it reads the query string) but shows only data whose tags
 * and embargo horizon were reported: the front server may keep it for anonymous readers until a
 * purge of one of those tags, the horizon, or an hour. Without tags it goes at every purge.
 */
export function allowResponseStore(): void {
  frontBridge()?.allowStore();
}

/** The front server knows the next embargo end (another render reported it since the last purge). */
export function embargoHorizonKnown(): boolean {
  return frontBridge()?.horizonKnown() ?? false;
}

/** The data just read has its next embargo end at `at` (null: none): cached responses built from it must expire then. */
export function noteEmbargoHorizon(at: number | null): void {
  frontBridge()?.noteHorizon(at ?? Number.POSITIVE_INFINITY);
}

/** True for the front server's own loopback requests (a per-process random secret, never configured). */
export function isFrontServerRequest(token: string | null): boolean {
  return frontBridge()?.verifyInternal(token) ?? false;
}
