// Runs an npm script's file (scripts/*.ts) as its own process without blocking this one (a server
// the command talks to, such as s3rver, may run inside the test process).
import { spawn } from "node:child_process";

export interface Ran {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runScript(script: string, args: string[], env: Record<string, string | undefined> = {}): Promise<Ran> {
  const child = spawn("npx", ["--no-install", "tsx", "--conditions=react-server", `scripts/${script}`, ...args], {
    env: { ...process.env, ...env },
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
  child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve) => child.on("close", (status) => resolve({ status, stdout, stderr })));
}
