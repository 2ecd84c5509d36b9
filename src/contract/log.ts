import type { LoggerOptions } from "pino";

// One log format for the front server and the app: JSON lines with an ISO time and the level's
// label (docs/OPERATIONS.md). Both write to process.stdout rather than pino's default sonic-boom
// destination: when the reader of our stdout goes away, sonic-boom's exit flush retries the failed
// write forever and the process never exits; with process.stdout the lines are lost, the server
// carries on.

export function logOptions(level = process.env.LOG_LEVEL ?? "info"): LoggerOptions {
  return {
    level,
    timestamp: () => `,"time":"${new Date().toISOString()}"`,
    formatters: { level: (label) => ({ level: label }) },
  };
}
