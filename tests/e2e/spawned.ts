import { spawn, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import Database from "better-sqlite3";
import { freePort } from "../../scripts/lib/net";

// A second server process for tests that need one the webServer is not: `next start` without the
// front server, or the front server around a misbehaving Next. It runs the build the webServer
// made, over a copy of the end-to-end database, on a free loopback port.

export const E2E_DB = `/tmp/newsroom-e2e-${process.env.E2E_PORT}.db`; // set by playwright.config.ts

export interface Spawned {
  base: string;
  proc: ChildProcess;
  output: () => string;
  /** The JSON log lines printed so far. */
  logs: () => Record<string, unknown>[];
  stop: () => Promise<void>;
}

export async function spawnApp(
  name: string,
  command: (port: number) => string[],
  env: Record<string, string> = {},
): Promise<Spawned> {
  const dbFile = `/tmp/newsroom-${name}-${process.pid}.db`;
  for (const suffix of ["", "-wal", "-shm"]) rmSync(dbFile + suffix, { force: true });
  const source = new Database(E2E_DB, { fileMustExist: true });
  await source.backup(dbFile);
  source.close();
  const port = await freePort();
  const [cmd, ...args] = command(port);
  const proc = spawn(cmd!, args, {
    env: { ...process.env, PORT: String(port), NEWSROOM_HOST: "127.0.0.1", DATABASE_URL: `file:${dbFile}`, ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true, // its own process group: `npx tsx …` is three processes, and a signal to npx alone leaves the server running
  });
  let text = "";
  proc.stdout.on("data", (c: Buffer) => (text += c));
  proc.stderr.on("data", (c: Buffer) => (text += c));
  const exited = new Promise<void>((resolve) => proc.once("exit", () => resolve()));
  const base = `http://127.0.0.1:${port}`;
  const signal = (sig: NodeJS.Signals) => {
    try {
      process.kill(-proc.pid!, sig);
    } catch {
      // the group is gone already
    }
  };
  const stop = async () => {
    if (proc.exitCode === null && proc.signalCode === null) signal("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    signal("SIGKILL"); // whatever of the group is left
    for (const suffix of ["", "-wal", "-shm"]) rmSync(dbFile + suffix, { force: true });
  };
  const until = Date.now() + 60_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`${name} exited:\n${text}`);
    if (Date.now() > until) {
      await stop();
      throw new Error(`${name} did not answer /api/health within 60 s:\n${text}`);
    }
    if (
      await fetch(`${base}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const logs = () =>
    text.split("\n").flatMap((l) => {
      if (!l.startsWith("{")) return [];
      try {
        return [JSON.parse(l) as Record<string, unknown>];
      } catch {
        return [];
      }
    });
  return { base, proc, output: () => text, logs, stop };
}
