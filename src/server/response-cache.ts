import "server-only";

// The app's side of the production server's response pipeline (scripts/server/pipeline.mjs),
// which runs in the same process and installs itself on globalThis before Next loads. Absent under
// `next dev` and in tests: every call is then a no-op. See docs/CACHING.md.

interface PipelineBridge {
  purge(options: { broadcast: boolean }): void;
  noteHorizon(at: number): void;
  verifyInternal(token: string | null): boolean;
}

const bridge = () => (globalThis as { newsroomPipeline?: PipelineBridge }).newsroomPipeline;

/** Empties the server's cache of public responses; `broadcast` also tells the other instances. */
export function purgeResponseCache(broadcast: boolean): void {
  bridge()?.purge({ broadcast });
}

/** The data just read has its next embargo end at `at` (null: none): cached responses built from it must expire then. */
export function noteEmbargoHorizon(at: number | null): void {
  bridge()?.noteHorizon(at ?? Number.POSITIVE_INFINITY);
}

/** True for the pipeline's own loopback requests (a per-process random secret, never configured). */
export function isPipelineRequest(token: string | null): boolean {
  return bridge()?.verifyInternal(token) ?? false;
}

export const INTERNAL_HEADER = "x-newsroom-internal";
export const LOCALE_HEADER = "x-newsroom-locale";
