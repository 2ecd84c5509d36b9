// Generates both Prisma clients (SQLite and PostgreSQL) after install.
// The PostgreSQL schema is derived from the SQLite one first so the two never drift.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

if (!existsSync("prisma/schema.prisma")) process.exit(0);

// The schemas read DATABASE_URL; generating needs no database, so each gets a placeholder
// of its own engine (without one Prisma cannot read the schema and tries to download an engine).
const generate = (schema, url) =>
  execFileSync("npx", ["--no-install", "prisma", "generate", "--schema", schema], {
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: url, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
  });

execFileSync("node", ["scripts/gen-pg-schema.mjs"], { stdio: "inherit" });
generate("prisma/schema.prisma", "file:./data/newsroom.db");
generate("prisma/postgres/schema.prisma", "postgresql://localhost/newsroom");
