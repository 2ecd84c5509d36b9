// npm run db:restore -- FILE [--force]
// Replaces the embedded SQLite database with a backup made by db:backup. Stop the app first.
// The backup is checked (SQLite, Newsroom tables, integrity_check) before anything changes; an
// existing database needs --force and is copied aside first; pending migrations are applied after.
import "dotenv/config";
import { parseArgs } from "node:util";
import { createDb } from "../src/server/db/client";
import { parseEnv } from "../src/server/env";
import { restoreDatabase } from "../src/server/ops/backup";
import { mediaBackupNote } from "../src/server/ops/media-note";
import { OpsError } from "../src/server/ops/errors";
import { runCli } from "./ops/cli";

const USAGE = "usage: npm run db:restore -- FILE [--force]";

runCli(async () => {
  let parsed;
  try {
    parsed = parseArgs({ options: { force: { type: "boolean", default: false } }, allowPositionals: true });
  } catch (error) {
    throw new OpsError(`${(error as Error).message}\n${USAGE}`, 2);
  }
  const [file, ...extra] = parsed.positionals;
  if (!file || extra.length) throw new OpsError(USAGE, 2);
  const env = parseEnv();
  const report = await restoreDatabase(env.DATABASE_URL, file, { force: parsed.values.force });
  if (report.safetyCopy) console.log(`Previous database saved as ${report.safetyCopy}`);
  console.log(`Restored ${report.target} from ${file}.`);
  if (report.migrations.length) console.log(`Applied migrations: ${report.migrations.join(", ")}`);
  const db = createDb(env.DATABASE_URL);
  try {
    console.log(await mediaBackupNote(env, db, "restore"));
  } finally {
    await db.$disconnect();
  }
  console.log("Restart the app so it opens the restored database.");
});
