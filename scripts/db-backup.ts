// npm run db:backup [-- --out FILE]
// Online backup of the embedded SQLite database (safe while the app runs); default file
// ./backups/newsroom-<UTC timestamp>.db. On PostgreSQL it prints the pg_dump command and exits 2.
import "dotenv/config";
import { parseArgs } from "node:util";
import { parseEnv } from "../src/server/env";
import { backupDatabase } from "../src/server/ops/backup";
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
  const { DATABASE_URL } = parseEnv();
  const { file, bytes } = await backupDatabase(DATABASE_URL, out);
  console.log(`Backup written: ${file} (${formatBytes(bytes)})`);
});
