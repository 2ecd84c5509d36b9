import path from "node:path";
import { fileURLToPath } from "node:url";
import { startServer } from "./server";

// Entry point of the production server. `npm start` runs it after building and migrating
// (scripts/start.mjs); once built, `node .next/front-server/main.mjs` serves the build directly
// (it does not migrate). Compiled from TypeScript by scripts/build-front-server.mjs during the
// build; this file sits two levels below the app's directory in both places (src/front-server,
// .next/front-server).

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

startServer({ dir: ROOT }).catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
