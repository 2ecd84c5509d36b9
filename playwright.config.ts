import { execFileSync } from "node:child_process";
import { defineConfig } from "@playwright/test";
import { CHROMIUM } from "./scripts/lib/chromium";

// End-to-end tests in Debian's chromium against the production server (`npm start`) on a fresh SQLite database.
// A free port unless E2E_PORT names one; set in the environment so Playwright's workers (which load
// this file again) agree with the runner.
const PORT = Number((process.env.E2E_PORT ??= execFileSync("node", ["scripts/lib/free-port.mjs"]).toString().trim()));
const DB_FILE = `/tmp/newsroom-e2e-${PORT}.db`;
// Media live in the database (MEDIA_STORAGE=database); the instance's cache gets a fresh folder, and
// MEDIA_DIR (files of the pre-store layout, copied in at first start) names a folder that does not exist.
const MEDIA_CACHE_DIR = `/tmp/newsroom-e2e-media-cache-${PORT}`;
const MEDIA_DIR = `/tmp/newsroom-e2e-media-${PORT}`;
// The server's JSON request log goes here, not to the console (the reporter names it on failure).
const SERVER_LOG = (process.env.E2E_SERVER_LOG ??= `/tmp/newsroom-e2e-server-${PORT}.log`);
// The demo accounts' password, set explicitly: without it the seed generates one (README, "Demo
// accounts"). Set here, the tests (tests/e2e/support.ts) and the server agree on it.
const DEMO_PASSWORD = (process.env.DEMO_PASSWORD ||= "e2e-demo-password");

export default defineConfig({
  testDir: "tests/e2e",
  testMatch: /.*\.e2e\.ts$/,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  globalTimeout: 40 * 60_000, // the whole suite; about 12 minutes on an idle 2-core machine
  reporter: [["list"], ["./tests/support/server-log-reporter.ts"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    launchOptions: CHROMIUM,
  },
  webServer: {
    command: `rm -rf ${DB_FILE} ${DB_FILE}-wal ${DB_FILE}-shm ${MEDIA_DIR} ${MEDIA_CACHE_DIR} && node scripts/start.mjs > ${SERVER_LOG} 2>&1`,
    url: `http://127.0.0.1:${PORT}/api/health`,
    timeout: 600_000, // includes the production build when the sources changed (minutes on a busy machine)
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      PORT: String(PORT),
      DATABASE_URL: `file:${DB_FILE}`,
      MEDIA_STORAGE: "database",
      MEDIA_CACHE_DIR,
      MEDIA_DIR,
      DEMO_PASSWORD,
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_ENV: "production",
    },
  },
});
