// Prisma CLI configuration for the PostgreSQL twin; used only to generate the client and to
// write migration SQL with `prisma migrate diff`. scripts/migrate.ts applies migrations.
import "dotenv/config";
import { defineConfig } from "prisma/config";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "schema.prisma",
  migrations: { path: "migrations" },
  async adapter() {
    const { PrismaPg } = await import("@prisma/adapter-pg");
    return new PrismaPg({ connectionString: process.env.DATABASE_URL ?? "postgresql://localhost/newsroom" });
  },
});
