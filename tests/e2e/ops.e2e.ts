import { spawn, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import net from "node:net";
import Database from "better-sqlite3";
import { expect, test } from "@playwright/test";
import { freePort } from "../../scripts/lib/net";

// The production server (scripts/server.mjs): request ids, JSON request logs, graceful shutdown.
// Each test starts a second server process from the build the webServer made, on a free loopback
// port, over a copy of the end-to-end database, and stops it with SIGTERM.

const E2E_DB = `/tmp/newsroom-e2e-${process.env.E2E_PORT}.db`; // set by playwright.config.ts

interface LogLine {
  level: string;
  msg: string;
  [key: string]: unknown;
}

interface Server {
  port: number;
  logs: LogLine[];
  output: () => string;
  waitForLog: (match: (line: LogLine) => boolean, ms?: number) => Promise<LogLine>;
  exit: Promise<number | null>;
  proc: ChildProcess;
}

/** A loopback port nobody listens on (the app's configuration refuses PORT=0). */
// Servers a failed test left running are stopped after it.
const running = new Set<ChildProcess>();
test.afterEach(() => {
  for (const proc of running) if (proc.exitCode === null && proc.signalCode === null) proc.kill("SIGKILL");
  running.clear();
});

async function startServer(name: string, env: Record<string, string> = {}): Promise<Server> {
  const dbFile = `/tmp/newsroom-ops-${name}-${process.pid}.db`;
  for (const suffix of ["", "-wal", "-shm"]) rmSync(dbFile + suffix, { force: true });
  const source = new Database(E2E_DB, { fileMustExist: true });
  await source.backup(dbFile);
  source.close();

  const proc = spawn("node", ["scripts/server.mjs"], {
    env: {
      ...process.env,
      PORT: String(await freePort()),
      NEWSROOM_HOST: "127.0.0.1",
      DATABASE_URL: `file:${dbFile}`,
      NEWSROOM_TEST_HOOKS: "",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.add(proc);
  let text = "";
  const logs: LogLine[] = [];
  const waiters = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    text += chunk;
    for (const line of String(chunk).split("\n")) {
      if (line.startsWith("{")) logs.push(JSON.parse(line) as LogLine);
    }
    for (const wake of waiters) wake();
  };
  proc.stdout.on("data", onData);
  proc.stderr.on("data", (chunk: Buffer) => (text += chunk));
  const exit = new Promise<number | null>((resolve) => proc.on("exit", (code) => resolve(code)));
  void exit.finally(() => {
    for (const suffix of ["", "-wal", "-shm"]) rmSync(dbFile + suffix, { force: true });
  });

  const waitForLog = (match: (line: LogLine) => boolean, ms = 20_000) =>
    new Promise<LogLine>((resolve, reject) => {
      const check = () => {
        const found = logs.find(match);
        if (!found) return;
        waiters.delete(check);
        clearTimeout(timer);
        resolve(found);
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`no matching log line within ${ms} ms; output:\n${text}`));
      }, ms);
      waiters.add(check);
      check();
    });
  const listening = await waitForLog((l) => l.msg === "listening");
  return { port: listening.port as number, logs, output: () => text, waitForLog, exit, proc };
}

test.describe.configure({ timeout: 60_000 });

test("X-Request-Id is kept when sane, generated otherwise, and every request logs one JSON line", async () => {
  const server = await startServer("ids");
  const base = `http://127.0.0.1:${server.port}`;
  try {
    const kept = await fetch(`${base}/api/health`, { headers: { "x-request-id": "e2e-Trace_42" } });
    expect(kept.status).toBe(200);
    expect(kept.headers.get("x-request-id")).toBe("e2e-Trace_42");

    for (const bad of ["has spaces", "x".repeat(65), 'quote"d']) {
      const replaced = await fetch(`${base}/api/health`, { headers: { "x-request-id": bad } });
      expect(replaced.headers.get("x-request-id")).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
    }
    const page = await fetch(`${base}/en?token=hunter2-secret`);
    expect(page.status).toBe(200);
    const pageId = page.headers.get("x-request-id");
    expect(pageId).toBeTruthy();

    const line = await server.waitForLog((l) => l.reqId === "e2e-Trace_42" && l.msg === "request");
    expect(line).toMatchObject({ level: "info", method: "GET", path: "/api/health", status: 200 });
    expect(typeof line.ms).toBe("number");
    expect(typeof line.time).toBe("string");
    const pageLine = await server.waitForLog((l) => l.reqId === pageId);
    expect(pageLine).toMatchObject({ method: "GET", path: "/en", status: 200 });
    expect(server.output()).not.toContain("hunter2");
  } finally {
    server.proc.kill("SIGTERM");
    expect(await server.exit).toBe(0);
  }
});

test("unexpected errors are logged with the request id: caught in app code (logError) and uncaught (onRequestError)", async () => {
  // A database nobody listens on: the health check catches the error and logs it.
  const server = await startServer("errors", { DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none" });
  try {
    const res = await fetch(`http://127.0.0.1:${server.port}/api/health`, { headers: { "x-request-id": "probe-7" } });
    expect(res.status).toBe(503);
    const error = await server.waitForLog((l) => l.msg === "health check: database unreachable");
    expect(error).toMatchObject({ level: "error", reqId: "probe-7" });
    expect(error.err).toMatchObject({ message: expect.stringContaining("Can't reach database server") });
    expect(await server.waitForLog((l) => l.msg === "request" && l.reqId === "probe-7")).toMatchObject({ status: 503 });

    // An error nobody catches (a page render): onRequestError in src/instrumentation.ts.
    const page = await fetch(`http://127.0.0.1:${server.port}/en/news`, { headers: { "x-request-id": "probe-8" } });
    // The server answers 503 (database unreachable, scripts/server/pipeline.mjs); Next still logs the error.
    expect(page.status).toBe(503);
    const renderError = await server.waitForLog((l) => l.msg === "request error" && l.reqId === "probe-8");
    expect(renderError).toMatchObject({ level: "error", method: "GET", path: "/en/news", routeType: "render" });
  } finally {
    server.proc.kill("SIGTERM");
    expect(await server.exit).toBe(0);
  }
});

/** Sends the head and the first bytes of a form post (choosing the admin language) and holds the rest. */
async function startSlowFormPost(port: number) {
  const html = await (await fetch(`http://127.0.0.1:${port}/admin/login`)).text();
  const actionField = /name="(\$ACTION_ID_[0-9a-f]+)"/.exec(html)?.[1];
  expect(actionField, "the sign-in page has a language form posting to a server action").toBeTruthy();
  const boundary = "----newsroom-ops";
  const body =
    `--${boundary}\r\nContent-Disposition: form-data; name="${actionField}"\r\n\r\n\r\n` +
    `--${boundary}\r\nContent-Disposition: form-data; name="locale"\r\n\r\nen\r\n--${boundary}--\r\n`;
  const socket = net.connect(port, "127.0.0.1");
  let response = "";
  socket.on("data", (chunk) => (response += chunk));
  const closed = new Promise<void>((resolve) => socket.on("close", () => resolve()));
  socket.write(
    `POST /admin/login HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: http://127.0.0.1:${port}\r\n` +
      `X-Request-Id: slow-form-post\r\nContent-Type: multipart/form-data; boundary=${boundary}\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, 30)}`,
  );
  return { finish: () => socket.end(body.slice(30)), response: () => response, closed };
}

test("SIGTERM: stops accepting, lets the in-flight request finish, closes idle keep-alive sockets, exits 0", async () => {
  const server = await startServer("shutdown");
  const { port } = server;

  // An idle keep-alive connection: one finished request, socket left open.
  const idle = net.connect(port, "127.0.0.1");
  const idleClosed = new Promise<void>((resolve) => idle.on("close", () => resolve()));
  let idleResponse = "";
  idle.on("data", (chunk) => (idleResponse += chunk));
  idle.write(`GET /api/health HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: keep-alive\r\n\r\n`);
  await expect.poll(() => idleResponse).toContain("\r\n\r\n");
  expect(idleResponse).toMatch(/^HTTP\/1\.1 200/);

  // A request in flight: the server is waiting for the rest of its body.
  const post = await startSlowFormPost(port);
  await new Promise((resolve) => setTimeout(resolve, 300)); // let the server parse the head
  expect(server.logs.some((l) => l.reqId === "slow-form-post")).toBe(false); // still in flight

  server.proc.kill("SIGTERM");
  const shutting = await server.waitForLog((l) => l.msg === "shutting down");
  expect(shutting).toMatchObject({ reason: "SIGTERM", inFlight: 1 });
  await idleClosed; // the idle keep-alive socket is closed at once
  await expect(fetch(`http://127.0.0.1:${port}/api/health`)).rejects.toThrow(); // no new connections

  post.finish();
  await post.closed;
  expect(post.response()).toMatch(/^HTTP\/1\.1 303 /);
  expect(post.response()).toMatch(/\r\nX-Request-Id: slow-form-post\r\n/i);
  expect(await server.exit).toBe(0);
  expect(await server.waitForLog((l) => l.reqId === "slow-form-post")).toMatchObject({
    status: 303,
    path: "/admin/login",
  });
  // appHooks: the database client the app opened was closed (src/server/db.ts closeDb).
  expect(await server.waitForLog((l) => l.msg === "stopped")).toMatchObject({ drained: true, appHooks: 1 });
});

test("a request that outlives the drain time is cut off and the exit code says so", async () => {
  const server = await startServer("drain", { NEWSROOM_DRAIN_MS: "500" });
  const post = await startSlowFormPost(server.port);
  await new Promise((resolve) => setTimeout(resolve, 300));
  server.proc.kill("SIGTERM");
  await post.closed; // never finished by the client: closed by the server after 500 ms
  expect(await server.exit).toBe(1);
  expect(await server.waitForLog((l) => l.msg === "drain timed out; closing the remaining connections")).toMatchObject({
    level: "warn",
    inFlight: 1,
  });
  expect(await server.waitForLog((l) => l.msg === "stopped")).toMatchObject({ drained: false });
});

test("a server whose log reader went away still serves and still stops on SIGTERM", async () => {
  const server = await startServer("broken-stdout");
  server.proc.stdout!.destroy(); // the log shipper died
  const res = await fetch(`http://127.0.0.1:${server.port}/api/health`);
  expect(res.status).toBe(200);
  server.proc.kill("SIGTERM");
  expect(await server.exit).toBe(0);
});
