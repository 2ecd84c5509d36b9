import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// `npm run test:pg:e2e`: real production servers against a real PostgreSQL (see tests/pg/servers.ts).
export default defineConfig({
  resolve: {
    alias: {
      "@/": fileURLToPath(new URL("../../src/", import.meta.url)),
      "@locales/": fileURLToPath(new URL("../../locales/", import.meta.url)),
      "server-only": fileURLToPath(new URL("../support/empty.ts", import.meta.url)),
    },
  },
  test: {
    root: fileURLToPath(new URL("../..", import.meta.url)),
    include: ["tests/pg/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 400_000,
    fileParallelism: false,
  },
});
