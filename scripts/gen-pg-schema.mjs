// Derives prisma/postgres/schema.prisma from prisma/schema.prisma (the one source of truth).
// Usage: node scripts/gen-pg-schema.mjs [--check]   (--check exits 1 when the file is stale)
import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";

export function toPostgresSchema(source) {
  return (
    "// GENERATED from prisma/schema.prisma by scripts/gen-pg-schema.mjs. Do not edit.\n" +
    source
      .replace('provider = "sqlite"', 'provider = "postgresql"')
      .replace('"../src/server/db/generated/sqlite"', '"../../src/server/db/generated/postgres"')
  );
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  const target = "prisma/postgres/schema.prisma";
  const expected = toPostgresSchema(readFileSync("prisma/schema.prisma", "utf8"));
  if (process.argv.includes("--check")) {
    const actual = existsSync(target) ? readFileSync(target, "utf8") : "";
    if (actual !== expected) {
      console.error(`${target} is stale: run npm run db:schema:pg`);
      process.exit(1);
    }
  } else {
    mkdirSync("prisma/postgres", { recursive: true });
    writeFileSync(target, expected);
  }
}
