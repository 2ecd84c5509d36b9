import { defineConfig } from "@playwright/test";

// End-to-end tests in Debian's chromium against a real `next start` on a fresh SQLite database.
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
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
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
