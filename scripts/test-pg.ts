// Runs the integration suite against PostgreSQL: TEST_DATABASE_URL must name a database
// the tests may wipe (its public schema is dropped and recreated).
import { spawnSync } from "node:child_process";
import { isPostgresUrl } from "../src/contract";

const url = process.env.TEST_DATABASE_URL;
if (!url || !isPostgresUrl(url)) {
  console.error("TEST_DATABASE_URL must be a postgresql:// URL of a database the tests may wipe");
  process.exit(2);
}
const result = spawnSync("npx", ["--no-install", "vitest", "run", "tests/int"], { stdio: "inherit", env: process.env });
process.exit(result.status ?? 1);
