// Compiles the production front server (src/front-server, TypeScript) into plain ESM JavaScript in
// .next/front-server/, next to the build it serves: main.mjs (the entry: `node
// .next/front-server/main.mjs`) and server.mjs (startServer, for scripts/start.mjs). Part of
// `npm run build`, after `next build` (which empties .next). Takes well under a second.
// Dependencies (next, pino, pg) stay imports of node_modules; our own modules are bundled.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export async function buildFrontServer() {
  await build({
    absWorkingDir: root,
    entryPoints: { main: "src/front-server/main.ts", server: "src/front-server/server.ts" },
    outdir: ".next/front-server",
    outExtension: { ".js": ".mjs" },
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    tsconfig: "tsconfig.json",
    sourcemap: "linked",
    logLevel: "warning",
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildFrontServer();
}
