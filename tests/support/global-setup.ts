// Prepares one real database for the integration tests: a fresh SQLite file by default, or the
// PostgreSQL database named by TEST_DATABASE_URL (its public schema is wiped first).
import { rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { migrate } from "../../src/server/db/migrate";

export default async function setup() {
  const appLog = `/tmp/newsroom-int-app-log-${process.pid}.jsonl`;
  rmSync(appLog, { force: true });
  const pgUrl = process.env.TEST_DATABASE_URL;
  let url: string;
  if (pgUrl) {
    const client = new pg.Client({ connectionString: pgUrl });
    await client.connect();
    await client.query("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
    await client.end();
    url = pgUrl;
  } else {
    const file = path.join("/tmp", `newsroom-int-${process.pid}.db`);
    for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
    url = `file:${file}`;
  }
  await migrate(url);
  process.env.DATABASE_URL = url;
  process.env.NEWSROOM_TEST_ENGINE = pgUrl ? "postgresql" : "sqlite";
  return () => console.log(`\nThe app's log lines of this run (errors with their context): ${appLog}`);
}
