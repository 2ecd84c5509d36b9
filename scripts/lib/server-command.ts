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

// The bulk commands (`npm run search:reindex`, `npm run import:text`, whose last step is a
// rebuild) get a heap limit too, for the same reason: the rebuild's live heap stays near 250 MB,
// but without a limit V8 let the slack between collections grow with the archive (peak RSS
// 1.9 GB at 100,000 releases, 2.7 GB at 200,000); with 768 MB it is 1.4 and 1.8 GB, at the same
// speed (docs/BENCHMARKS.md, "Rebuild memory"). NEWSROOM_REBUILD_HEAP_MB changes it.
export const DEFAULT_REBUILD_HEAP_MB = 768;

/** `node` arguments that run a bulk TypeScript command as its npm script does. */
export function bulkArgs(script: string, env: Partial<Record<string, string>> = process.env): string[] {
  return [
    `--max-old-space-size=${env.NEWSROOM_REBUILD_HEAP_MB || DEFAULT_REBUILD_HEAP_MB}`,
    "--import",
    "tsx",
    "--conditions=react-server",
    script,
  ];
}
