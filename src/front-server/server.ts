import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "pino";
import { INTERNAL_HEADERS, REQUEST_ID_HEADER, installFrontBridge, startAppWorkers } from "@/contract";
import { ViewCounter } from "./views";
import { createLogger, ignoreBrokenStdout, pathOf, requestIdFor } from "./logger";
import type { Outcome } from "./exchange";
import { createPipeline, type Pipeline } from "./pipeline";
import { readSettings, transportSecurity } from "./settings";
import { closeLeftovers, drain, inFlightCounter, runAppShutdownHooks, stopAccepting } from "./shutdown";
import type { NextHandler } from "./stages/render";

// The production HTTP server: Next's request handler behind node:http, with a request id and one
// JSON log line per request, the response pipeline (pipeline.ts) and a graceful shutdown.
// `npm start` runs it (scripts/start.mjs); see docs/OPERATIONS.md.

export const DRAIN_MS = 10_000;

export interface StartOptions {
  /** 0: any free port. Default: $PORT, else 3000. */
  port?: number;
  /** Default: $NEWSROOM_HOST, else every interface. */
  hostname?: string;
  /** The app's directory (the build in .next, locales/). */
  dir: string;
  drainMs?: number;
  logger?: Logger;
  /** Install SIGTERM/SIGINT handlers (off when a test drives stop()). */
  handleSignals?: boolean;
  /** Wraps Next's handler; tests use it to make Next misbehave. Never set by `npm start`. */
  wrapHandler?: (handle: NextHandler) => NextHandler;
}

export interface Running {
  server: Server;
  port: number;
  /** Stops gracefully; resolves with the exit code (0 drained, 1 requests were cut off). */
  stop(reason?: string): Promise<number>;
}

const loopbackUrl = (host: string | undefined, port: number) => {
  const h = !host || host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host;
  return `http://${h.includes(":") ? `[${h}]` : h}:${port}`;
};

async function prepareNext(dir: string, hostname: string | undefined, port: number) {
  // Before Next (and React) load: they pick their production builds from NODE_ENV.
  Object.assign(process.env, { NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" });
  const { default: next } = await import("next");
  const app = next({ dev: false, dir, hostname, port });
  const handle: NextHandler = app.getRequestHandler();
  await app.prepare(); // also loads .env into process.env
  return { app, handle };
}

function listen(server: Server, port: number, hostname: string | undefined): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, hostname, () => {
      server.off("error", reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

export async function startServer(options: StartOptions): Promise<Running> {
  const port = options.port ?? Number(process.env.PORT || 3000);
  const hostname = options.hostname ?? (process.env.NEWSROOM_HOST || undefined);
  const drainMs = options.drainMs ?? Number(process.env.NEWSROOM_DRAIN_MS || DRAIN_MS);
  const logger = options.logger ?? createLogger();
  ignoreBrokenStdout();
  const { app, handle } = await prepareNext(options.dir, hostname, port);
  const settings = readSettings();
  let actualPort = port;
  // Views per release (docs/PRESS-KIT.md "Views"); VIEWS_COUNTING=off turns it off (benchmarks).
  const views =
    process.env.VIEWS_COUNTING === "off"
      ? undefined
      : new ViewCounter({
          logger,
          timeZone: process.env.NEWSROOM_TIMEZONE || undefined,
          flushMs: Number(process.env.VIEWS_FLUSH_MS || 30_000),
        });
  const pipeline = createPipeline({
    handle: options.wrapHandler ? options.wrapHandler(handle) : handle,
    logger,
    root: options.dir,
    selfUrl: () => loopbackUrl(hostname, actualPort),
    trust: settings.trust,
    siteHttps: settings.siteHttps,
  });
  installFrontBridge(pipeline.bridge); // the app's calls reach this pipeline from now on
  const inFlight = inFlightCounter();
  let closing = false;
  const server = createServer(
    (req, res) => void answer(req, res, { pipeline, logger, inFlight, views, closing: () => closing }),
  );
  actualPort = await listen(server, port, hostname);
  const bus = await pipeline.startBus(settings.databaseUrl);
  const outbox = await startAppWorkers(); // mail and webhooks: after listen, stopped by the app's shutdown hooks
  views?.start();
  logger.info({ port: actualPort, host: hostname ?? "*", cacheBus: bus, outbox }, "listening");
  const posture = transportSecurity(settings);
  logger[posture.level]({ trustedProxy: settings.trust.kind }, posture.msg);

  let stopping: Promise<number> | undefined;
  const stop = (reason = "stop") =>
    (stopping ??= (async () => {
      closing = true;
      logger.info({ reason, inFlight: inFlight.count }, "shutting down");
      const closed = stopAccepting(server);
      const drained = await drain(inFlight, drainMs);
      if (!drained)
        logger.warn({ inFlight: inFlight.count, drainMs }, "drain timed out; closing the remaining connections");
      await closeLeftovers(server, drained, closed);
      await pipeline.close();
      await views?.stop(); // the last counts, before the app closes its database
      await app.close().catch((err: unknown) => logger.error({ err }, "closing Next failed"));
      const appHooks = await runAppShutdownHooks(logger);
      logger.info({ drained, appHooks }, "stopped");
      return drained ? 0 : 1;
    })());

  if (options.handleSignals ?? true) {
    for (const signal of ["SIGTERM", "SIGINT"] as const) {
      // A terminal's Ctrl-C reaches every process of the group, often twice: act on the first.
      process.on(signal, () => {
        if (!closing) void stop(signal).then((code) => process.exit(code));
      });
    }
  }
  return { server, port: actualPort, stop };
}

interface AnswerDeps {
  pipeline: Pipeline;
  logger: Logger;
  inFlight: ReturnType<typeof inFlightCounter>;
  views: ViewCounter | undefined;
  closing: () => boolean;
}

/** One request: id, log line when it ends, the pipeline, and a last resort for its errors. */
async function answer(
  req: IncomingMessage,
  res: ServerResponse,
  { pipeline, logger, inFlight, views, closing }: AnswerDeps,
) {
  const started = performance.now();
  const reqId = requestIdFor(req.headers[REQUEST_ID_HEADER]);
  const method = req.method; // the pipeline may pass a HEAD on to Next as a GET
  req.headers[REQUEST_ID_HEADER] = reqId;
  res.setHeader("X-Request-Id", reqId);
  if (closing()) res.setHeader("Connection", "close");
  inFlight.start();
  const outcome: Outcome = {};
  res.once("close", () => {
    const status = res.statusCode;
    const ms = Math.round(performance.now() - started);
    const line = {
      reqId,
      method,
      path: pathOf(req.url),
      status,
      ms,
      ...(outcome.cache && { cache: outcome.cache }),
      ...(!res.writableFinished && { aborted: true }),
    };
    logger[status >= 500 ? "error" : "info"](line, "request");
    // Readers' views only: not the front server's own loopback requests.
    if (views && !req.headers[INTERNAL_HEADERS.internal]) views.note(method, line.path, status);
    inFlight.finish();
  });
  try {
    await pipeline.handleRequest(req, res, outcome);
  } catch (err) {
    logger.error({ reqId, err }, "request failed");
    if (!res.headersSent) {
      res.statusCode = 500;
      res.end("Internal Server Error");
    } else {
      res.destroy();
    }
  }
}
