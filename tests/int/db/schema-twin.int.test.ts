import { readFileSync } from "node:fs";
import { expect, test } from "vitest";
// @ts-expect-error plain ESM script without types
import { toPostgresSchema } from "../../../scripts/gen-pg-schema.mjs";
import { loadMigrations } from "../../../src/server/db/migrate";

test("the PostgreSQL schema is generated from the SQLite one (run npm run db:schema:pg)", () => {
  const source = readFileSync("prisma/schema.prisma", "utf8");
  expect(readFileSync("prisma/postgres/schema.prisma", "utf8")).toBe(toPostgresSchema(source));
});

test("both engines have the same migrations, in order", () => {
  const names = (dir: string) => loadMigrations(dir).map((m) => m.name);
  expect(names("prisma/postgres/migrations")).toEqual(names("prisma/migrations"));
  expect(names("prisma/migrations").length).toBeGreaterThan(0);
});
