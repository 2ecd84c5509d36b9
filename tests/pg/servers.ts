// Real production servers (scripts/start.mjs, and the built front server .next/front-server/main.mjs)
// on loopback ports against the PostgreSQL database named by TEST_DATABASE_URL (wiped), for
// tests/pg/*.test.ts.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { appendFileSync, rmSync, writeFileSync } from "node:fs";
import pg from "pg";
import { migrate } from "../../src/server/db/migrate";
import { freePort } from "../../scripts/lib/net";
import { startArgs } from "../../scripts/lib/server-command";
import { isPostgresUrl } from "../../src/contract";

export { freePort };

export const ROOT = new URL("../..", import.meta.url).pathname;

export function databaseUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url || !isPostgresUrl(url))
    throw new Error("TEST_DATABASE_URL must name a PostgreSQL database the tests may wipe");
  return url;
}

export async function freshDatabase(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
  await client.end();
  await migrate(url);
}

/** `npm run user:create`, the way an administrator creates accounts on PostgreSQL. */
export function createUser(url: string, email: string, role: "editor" | "translator", password: string): void {
  const result = spawnSync(
    "npm",
    ["run", "-s", "user:create", "--", "--email", email, "--name", email, "--role", role, "--password-stdin"],
    {
      cwd: ROOT,
      input: `${password}\n`,
      env: { ...process.env, DATABASE_URL: url },
      encoding: "utf8",
    },
  );
  if (result.status !== 0) throw new Error(`user:create failed: ${result.stderr}${result.stdout}`);
}

export interface Server {
  name: string;
  base: string;
  proc: ChildProcess;
  logs: () => Record<string, unknown>[];
  output: () => string;
  stop: () => Promise<void>;
}

export const FRONT_SERVER = ".next/front-server/main.mjs";

/** Starts `script` (start.mjs builds when needed and migrates; the front server only serves). */
export async function startServer(
  name: string,
  script: "scripts/start.mjs" | typeof FRONT_SERVER,
  url: string,
  env: Record<string, string> = {},
): Promise<Server> {
  const port = await freePort();
  const cacheDir = `/tmp/newsroom-pg-e2e-${name}-media-cache-${port}`;
  // start.mjs as `npm start` runs it (its heap limit); the front server as OPERATIONS.md shows it
  const proc = spawn("node", script === FRONT_SERVER ? [script] : startArgs(), {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      NEWSROOM_HOST: "127.0.0.1",
      DATABASE_URL: url,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      // Each instance its own media cache, as on two machines; no old MEDIA_DIR to copy in.
      MEDIA_CACHE_DIR: cacheDir,
      MEDIA_DIR: `/tmp/newsroom-pg-e2e-${name}-no-media-dir`,
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let text = "";
  // Also in a file, for reading after a failure.
  const logFile = `/tmp/newsroom-pg-e2e-${name}.log`;
  writeFileSync(logFile, "");
  const collect = (c: Buffer) => {
    text += c;
    appendFileSync(logFile, c);
  };
  proc.stdout.on("data", collect);
  proc.stderr.on("data", collect);
  const exited = new Promise<void>((resolve) => proc.once("exit", () => resolve()));
  const base = `http://127.0.0.1:${port}`;
  const until = Date.now() + 300_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`${name} exited:\n${text}`);
    if (Date.now() > until) throw new Error(`${name} did not start:\n${text}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  const logs = () =>
    text
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .flatMap((l) => {
        try {
          return [JSON.parse(l) as Record<string, unknown>];
        } catch {
          return [];
        }
      });
  const stop = async () => {
    if (proc.exitCode !== null) return rmSync(cacheDir, { recursive: true, force: true });
    try {
      process.kill(-proc.pid!, "SIGTERM");
    } catch {
      return;
    }
    await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
    try {
      if (proc.exitCode === null) process.kill(-proc.pid!, "SIGKILL");
    } catch {
      // the group ended between the check and the kill
    }
    rmSync(cacheDir, { recursive: true, force: true });
  };
  return { name, base, proc, logs, output: () => text, stop };
}

/** Polls `check` every 50 ms until it returns true; resolves with the elapsed ms, or throws after `ms`. */
export async function within(ms: number, check: () => Promise<boolean>): Promise<number> {
  const started = performance.now();
  for (;;) {
    if (await check().catch(() => false)) return Math.round(performance.now() - started);
    if (performance.now() - started > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The throwaway cluster of .ci/run (scripts/pg-test-cluster.sh), for the outage test. */
export function cluster(cmd: "stop" | "start"): void {
  const dir = process.env.PG_CLUSTER_DIR;
  const port = process.env.PG_CLUSTER_PORT;
  if (!dir || !port) throw new Error("PG_CLUSTER_DIR and PG_CLUSTER_PORT name the cluster to stop and start");
  const result = spawnSync("bash", ["scripts/pg-test-cluster.sh", cmd, dir, port], { cwd: ROOT, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`pg-test-cluster ${cmd} failed: ${result.stderr}`);
}
