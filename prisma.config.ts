// Prisma CLI configuration: the JS engine only (no native engine download on these machines).
// Migrations are applied by scripts/migrate.ts (one runner for SQLite and PostgreSQL).
import "dotenv/config";
import { defineConfig } from "prisma/config";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  async adapter() {
    const { PrismaBetterSQLite3 } = await import("@prisma/adapter-better-sqlite3");
    return new PrismaBetterSQLite3({ url: process.env.DATABASE_URL ?? "file:./data/newsroom.db" });
  },
});
