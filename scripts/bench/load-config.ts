// Settings of `npm run bench:load` (scripts/bench-load.ts): command-line options and environment.
import { parseArgs } from "node:util";

const { values: args } = parseArgs({
  options: {
    duration: { type: "string", default: "30" },
    connections: { type: "string", default: "20" },
  },
});
export const DURATION = Number(args.duration);
export const CONNECTIONS = Number(args.connections);
if (!(DURATION > 0) || !(CONNECTIONS > 0)) throw new Error("--duration and --connections must be positive numbers");
export const PASSWORD = process.env.DEMO_PASSWORD || "bench-load-password";
export const PG_URL = process.env.TEST_DATABASE_URL;
export const ENGINE = PG_URL ? "postgresql" : "sqlite";
export const RUN = Date.now().toString(36);
export const PREFIX = `load-${RUN}-`;
export const UI_TIMEOUT = 30_000;
export const USERS = {
  admin: { email: "admin@example.com", name: "Load Admin", role: "admin", locale: "zh" },
  editor: { email: "editor@example.com", name: "Load Editor", role: "editor", locale: "zh" },
  translator: { email: "translator@example.com", name: "Load Translator", role: "translator", locale: "en" },
} as const;
