// `npm start`: build when the build is missing or older than the sources, prepare the database
// (validate config, migrate, seed demo content on an empty embedded database), then serve with
// the front server (src/front-server, compiled into .next/front-server by the build).
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { buildFrontServer } from "./build-front-server.mjs";

process.env.NEXT_TELEMETRY_DISABLED = "1";
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const port = process.env.PORT || "3000";

function newestMtime(entry) {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(entry).reduce((max, name) => Math.max(max, newestMtime(path.join(entry, name))), stat.mtimeMs);
}

function run(cmd, args) {
  const result = spawnSync(cmd, args, { stdio: "inherit", env: process.env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const buildId = ".next/BUILD_ID";
const sources = ["src", "locales", "public", "next.config.ts", "package-lock.json", "tsconfig.json"];
const stale = !existsSync(buildId) || Math.max(...sources.map(newestMtime)) > statSync(buildId).mtimeMs;
if (stale && process.env.NEWSROOM_SKIP_BUILD !== "1") {
  console.log("Building the app (first start or sources changed)…");
  run("npx", ["--no-install", "next", "build"]);
}
// The front server itself: compiled at every start (well under a second), so it always matches
// its sources, also after a bare `next build`.
await buildFrontServer();

// It may rebuild the search index or the translation memory of an archive loaded without the app:
// the bulk commands' heap limit (bulkArgs in scripts/lib/server-command.ts, same default).
run(process.execPath, [
  `--max-old-space-size=${process.env.NEWSROOM_REBUILD_HEAP_MB || 768}`,
  "--import",
  "tsx",
  "--conditions=react-server",
  "scripts/prepare-db.ts",
]);

// The production server (request ids, JSON logs, graceful shutdown) runs in this process, so
// SIGTERM/SIGINT reach it directly. See src/front-server/server.ts and docs/OPERATIONS.md.
const { startServer } = await import(pathToFileURL(path.join(root, ".next/front-server/server.mjs")).href);
await startServer({ dir: root, port: Number(port) });
const url = `http://localhost:${port}`;
console.log(`\nNewsroom is running: ${url}/zh (中文)  ${url}/en (English)  admin: ${url}/admin/login\n`);
