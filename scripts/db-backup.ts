// npm run db:backup [-- --out FILE]
// Online backup of the embedded SQLite database (safe while the app runs); default file
// ./backups/newsroom-<UTC timestamp>.db. On PostgreSQL it prints the pg_dump command and exits 2.
import "dotenv/config";
import { parseArgs } from "node:util";
import { createDb } from "../src/server/db/client";
import { isPostgresUrl, parseEnv } from "../src/server/env";
import { PG_BACKUP_HINT, backupDatabase } from "../src/server/ops/backup";
import { mediaBackupNote } from "../src/server/ops/media-note";
import { OpsError } from "../src/server/ops/errors";
import { formatBytes, runCli } from "./ops/cli";

runCli(async () => {
  let out: string | undefined;
  try {
    ({
      values: { out },
    } = parseArgs({ options: { out: { type: "string" } } }));
  } catch (error) {
    throw new OpsError(`${(error as Error).message}\nusage: npm run db:backup [-- --out FILE]`, 2);
  }
  const env = parseEnv();
  if (isPostgresUrl(env.DATABASE_URL)) {
    throw new OpsError(`${PG_BACKUP_HINT}\n${await mediaBackupNote(env, null, "backup")}`, 2);
  }
  const { file, bytes } = await backupDatabase(env.DATABASE_URL, out);
  console.log(`Backup written: ${file} (${formatBytes(bytes)})`);
  const db = createDb(env.DATABASE_URL);
  try {
    console.log(await mediaBackupNote(env, db, "backup"));
  } finally {
    await db.$disconnect();
  }
});
