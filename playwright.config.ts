import { defineConfig } from "@playwright/test";
import { CHROMIUM } from "./scripts/lib/chromium";

// End-to-end tests in Debian's chromium against the production server (`npm start`) on a fresh SQLite database.
const PORT = Number(process.env.E2E_PORT ?? 3100);
const DB_FILE = `/tmp/newsroom-e2e-${PORT}.db`;
const MEDIA_DIR = `/tmp/newsroom-e2e-media-${PORT}`;

export default defineConfig({
  testDir: "tests/e2e",
  testMatch: /.*\.e2e\.ts$/,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    launchOptions: CHROMIUM,
  },
  webServer: {
    command: `rm -rf ${DB_FILE} ${DB_FILE}-wal ${DB_FILE}-shm ${MEDIA_DIR} && node scripts/start.mjs`,
    url: `http://127.0.0.1:${PORT}/api/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      PORT: String(PORT),
      DATABASE_URL: `file:${DB_FILE}`,
      MEDIA_DIR,
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_ENV: "production",
    },
  },
});
