// How the production server is launched: `npm start` (package.json) and every benchmark or test
// that spawns it use these arguments, so they all run the server as production does.
//
// The heap limit: V8 defaults to a quarter of the machine's memory (4 GB on 24 GB) and, that far
// from its limit, lets garbage pile up before it collects. The server's live heap is about 65 MB
// at 100,000 releases (docs/BENCHMARKS.md, "Server memory"); with 512 MB V8 collects sooner and
// the process stays near 300 MB, with the same render times. NEWSROOM_HEAP_MB changes it.
export const DEFAULT_HEAP_MB = 512;

/** `node` arguments that start the server (scripts/start.mjs) as `npm start` does. */
export function startArgs(env: Partial<Record<string, string>> = process.env): string[] {
  return [`--max-old-space-size=${env.NEWSROOM_HEAP_MB || DEFAULT_HEAP_MB}`, "scripts/start.mjs"];
}
