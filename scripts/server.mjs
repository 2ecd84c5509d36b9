// The production HTTP server (`npm start` runs it through scripts/start.mjs; `node scripts/server.mjs`
// serves an existing build directly). Next's request handler behind node:http, plus:
// - a request id per request: a sane incoming X-Request-Id is kept, otherwise a new UUID; it is set
//   on the request headers (app code reads it with headers(), see src/server/log.ts) and echoed in
//   the X-Request-Id response header;
// - one JSON log line per request (pino): method, path (never the query string), status, ms, reqId;
// - graceful shutdown on SIGTERM/SIGINT: stop accepting connections, let in-flight requests finish
//   (at most DRAIN_MS), close idle keep-alive sockets, close Next and the database, exit 0
//   (1 when the drain timed out and requests were cut off).
// - the response pipeline (scripts/server/pipeline.mjs): cache of public pages, purge across
//   instances (PostgreSQL LISTEN/NOTIFY), real 404 pages, 503 when the database is down, security
//   headers and a hash-based CSP. See docs/CACHING.md and docs/SECURITY.md.
// Plain ESM JavaScript so it runs without a build step. See docs/OPERATIONS.md.
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import pino from "pino";
import { createPipeline } from "./server/pipeline.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const REQUEST_ID = /^[A-Za-z0-9_-]{1,64}$/;
export const DRAIN_MS = 10_000;

/** The incoming id when it is short and plain (no injection into logs), else a fresh UUID. */
export function requestIdFor(incoming) {
  const value = Array.isArray(incoming) ? incoming[0] : incoming;
  return typeof value === "string" && REQUEST_ID.test(value) ? value : randomUUID();
}

/** The path without the query string: query values can hold tokens or personal data. */
function pathOf(url = "/") {
  const end = url.search(/[?#]/);
  return (end === -1 ? url : url.slice(0, end)).slice(0, 1024);
}

/**
 * process.stdout rather than pino's default sonic-boom destination: when the reader of our stdout
 * goes away (a log shipper crashed), sonic-boom's exit flush retries the failed write forever and
 * the process never exits. With process.stdout the lines are lost, the server carries on.
 */
export function createLogger() {
  return pino(
    {
      level: process.env.LOG_LEVEL ?? "info",
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    process.stdout,
  );
}

function ignoreBrokenStdout() {
  process.stdout.on("error", (err) => {
    if (err.code !== "EPIPE") throw err;
  });
}

/** Cleanups the app registered on globalThis (src/server/db.ts: closeDb). */
async function runAppShutdownHooks(logger) {
  const hooks = globalThis.newsroomShutdown ?? new Set();
  for (const hook of hooks) {
    try {
      await hook();
    } catch (err) {
      logger.error({ err }, "shutdown hook failed");
    }
  }
  return hooks.size;
}

/**
 * Prepares the built app in `dir` and listens on `port` (0 = any free port). Installs SIGTERM and
 * SIGINT handlers unless `handleSignals` is false. Resolves once listening.
 */
export async function startServer({
  port = Number(process.env.PORT || 3000),
  hostname = process.env.NEWSROOM_HOST || undefined,
  dir = ROOT,
  drainMs = Number(process.env.NEWSROOM_DRAIN_MS || DRAIN_MS),
  logger = createLogger(),
  handleSignals = true,
} = {}) {
  // Before Next (and React) load: they pick their production builds from NODE_ENV.
  process.env.NODE_ENV = "production";
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  ignoreBrokenStdout();
  const { default: next } = await import("next");
  const app = next({ dev: false, dir, hostname, port });
  const handle = app.getRequestHandler();
  await app.prepare(); // also loads .env into process.env
  let actualPort = port;
  const loopbackHost = !hostname || hostname === "0.0.0.0" || hostname === "::" ? "127.0.0.1" : hostname;
  const pipeline = createPipeline({
    handle,
    logger,
    root: dir,
    selfUrl: () => `http://${loopbackHost.includes(":") ? `[${loopbackHost}]` : loopbackHost}:${actualPort}`,
    https: /^https:/i.test(process.env.SITE_URL ?? ""),
  });
  // The app (same process, same global object) purges and reports embargo horizons through this.
  globalThis.newsroomPipeline = pipeline.bridge;

  let inFlight = 0;
  let closing = false;
  let onIdle = () => undefined;

  const server = createServer(async (req, res) => {
    const started = performance.now();
    const reqId = requestIdFor(req.headers["x-request-id"]);
    const method = req.method; // the pipeline may pass a HEAD on to Next as a GET
    req.headers["x-request-id"] = reqId;
    res.setHeader("X-Request-Id", reqId);
    if (closing) res.setHeader("Connection", "close");
    inFlight += 1;
    res.once("close", () => {
      inFlight -= 1;
      const status = res.statusCode;
      const line = { reqId, method, path: pathOf(req.url), status, ms: Math.round(performance.now() - started) };
      if (res.newsroomCache) line.cache = res.newsroomCache;
      if (!res.writableFinished) line.aborted = true;
      logger[status >= 500 ? "error" : "info"](line, "request");
      if (closing && inFlight === 0) onIdle();
    });
    try {
      await pipeline.handleRequest(req, res);
    } catch (err) {
      logger.error({ reqId, err }, "request failed");
      if (!res.headersSent) {
        res.statusCode = 500;
        res.end("Internal Server Error");
      } else {
        res.destroy();
      }
    }
  });

  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, hostname, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address();
  actualPort = typeof address === "object" && address ? address.port : port;
  // .env is loaded by Next (app.prepare), so DATABASE_URL is known here.
  const bus = await pipeline.startBus(process.env.DATABASE_URL);
  // The mail and webhook outbox worker (src/server/distribution/service.ts, docs/DISTRIBUTION.md).
  const outbox = (await globalThis.newsroomDistribution?.start()) ?? false;
  logger.info({ port: actualPort, host: hostname ?? "*", cacheBus: bus, outbox }, "listening");

  let stopping;
  /** Stops gracefully; resolves with the exit code (0 drained, 1 requests were cut off). */
  function stop(reason = "stop") {
    stopping ??= (async () => {
      closing = true;
      logger.info({ reason, inFlight }, "shutting down");
      const closed = new Promise((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const drained =
        inFlight === 0 ||
        (await new Promise((resolve) => {
          const timer = setTimeout(() => resolve(false), drainMs);
          onIdle = () => {
            clearTimeout(timer);
            resolve(true);
          };
        }));
      if (!drained) logger.warn({ inFlight, drainMs }, "drain timed out; closing the remaining connections");
      // Keep-alive sockets that went idle after their last response; then whatever is left.
      setImmediate(() => server.closeIdleConnections());
      const timer = setTimeout(() => server.closeAllConnections(), drained ? 1_000 : 0);
      await closed;
      clearTimeout(timer);
      await pipeline.close();
      await app.close().catch((err) => logger.error({ err }, "closing Next failed"));
      const appHooks = await runAppShutdownHooks(logger);
      logger.info({ drained, appHooks }, "stopped");
      return drained ? 0 : 1;
    })();
    return stopping;
  }

  if (handleSignals) {
    for (const signal of ["SIGTERM", "SIGINT"]) {
      // A terminal's Ctrl-C reaches every process of the group, often twice: act on the first.
      process.on(signal, () => {
        if (closing) return;
        void stop(signal).then((code) => process.exit(code));
      });
    }
  }
  return { server, port: actualPort, stop };
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  startServer().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
