// The app's JSON log lines (pino on stdout) would bury the test report: each test worker writes
// them to a file instead (named in the run's last lines by global-setup.ts). Everything else on
// stdout passes through. Tests that read log lines (spies on process.stdout.write) still see them.
import { appendFileSync } from "node:fs";

export const APP_LOG = `/tmp/newsroom-int-app-log-${process.ppid}.jsonl`;

const passThrough = process.stdout.write.bind(process.stdout);
process.stdout.write = (chunk: string | Uint8Array, ...rest: unknown[]) => {
  const text = typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
  if (text.startsWith('{"level"')) {
    appendFileSync(APP_LOG, text);
    return true;
  }
  return (passThrough as (c: string | Uint8Array, ...r: unknown[]) => boolean)(chunk, ...rest);
};
