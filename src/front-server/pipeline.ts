import { AsyncLocalStorage } from "node:async_hooks";
import { randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { HSTS, type FrontBridge } from "@/contract";
import type { TrustedProxy } from "@/domain/net/trusted-proxy";
import { afterRender, type AfterRenderDeps } from "./after-render";
import { createBridge } from "./bridge";
import type { Outcome, RequestScope } from "./exchange";
import { InFlight } from "./in-flight";
import { connectInstances, type Instances } from "./instances";
import { createLoopback } from "./loopback";
import { loadUnavailableStrings } from "./pages";
import { ResponseCache } from "./response-cache";
import { isPublicPath, isStaticFile } from "./routes";
import { sendResponse } from "./send";
import { classify } from "./stages/classify";
import { Flights, followLeader } from "./stages/coalesce";
import { forwardToNext } from "./stages/forward";
import { guard } from "./stages/guard";
import { render, type NextHandler } from "./stages/render";
import { serveHit } from "./stages/serve-hit";
import { storedResponse } from "./stored-response";

// The response pipeline around Next's request handler (docs/CACHING.md, docs/SECURITY.md): a
// request goes through named stages, classify → (check generation) → serve hit → follow leader →
// guard → forward → render → replace on error → secure → store → send (the last four composed in
// after-render.ts). Each lives in stages/ (the generation check: purge-generation.ts) and is
// tested on its own.

/** What the pipeline logs through (a pino logger in production). */
export interface Log {
  info(fields: object, msg: string): void;
  warn(fields: object, msg: string): void;
  error(fields: object, msg: string): void;
}

export interface PipelineOptions {
  handle: NextHandler;
  logger: Log;
  /** The app's directory (locales/ for the 503 page). */
  root: string;
  /** This instance over loopback, for its own requests (health, not-found page, revalidation). */
  selfUrl: () => string;
  /** Who may speak for the client (TRUSTED_PROXY); default: nobody. */
  trust?: TrustedProxy;
  /** SITE_URL is https: HSTS on every response, not only on requests that arrived over HTTPS. */
  siteHttps?: boolean;
  maxBytes?: number;
  fetchImpl?: typeof fetch;
  now?: () => number;
}

export interface Pipeline {
  /** Answers; fills `outcome` before the response is sent (the log line is written on "close"). */
  handleRequest(req: IncomingMessage, res: ServerResponse, outcome?: Outcome): Promise<void>;
  bridge: FrontBridge;
  cache: ResponseCache;
  instanceId: string;
  /** Starts LISTEN/NOTIFY between instances when the database is PostgreSQL. */
  startBus(databaseUrl: string | undefined): Promise<boolean>;
  close(): Promise<void>;
}

export function createPipeline(o: PipelineOptions): Pipeline {
  const now = o.now ?? Date.now;
  const secret = randomBytes(32).toString("base64url");
  const instanceId = randomUUID();
  const als = new AsyncLocalStorage<RequestScope>();
  const cache = new ResponseCache({ maxBytes: o.maxBytes });
  const trust = o.trust ?? { kind: "none" };
  const loopback = createLoopback({ selfUrl: o.selfUrl, secret, fetchImpl: o.fetchImpl ?? fetch, now });
  const flights = new Flights();
  const inFlight = new InFlight();
  let instances: Instances | undefined;

  const isInternal = (token: string | null | undefined) =>
    typeof token === "string" &&
    token.length === secret.length &&
    timingSafeEqual(Buffer.from(token), Buffer.from(secret));
  const purgeLocal = (tags?: readonly string[]) => {
    cache.purge(tags);
    loopback.forget();
  };
  /**
   * Once the renders running during a purge have ended, purges again, Next's caches included: a
   * render that read the data from before the change is stored when it ends, after the first purge.
   */
  const purgeAfterRenders = async (why: string, tags?: readonly string[]) => {
    await inFlight.settled();
    purgeLocal(tags);
    const error = await loopback.revalidate(tags);
    if (error) o.logger.error({ err: error, why }, "revalidation after the renders in flight failed");
  };
  const bridge = createBridge({
    als,
    cache,
    purgeLocal,
    broadcast: (tags) => instances?.broadcast(tags),
    isInternal,
  });
  const afterRenderDeps: AfterRenderDeps = {
    cache,
    now,
    replace: {
      cache,
      strings: loadUnavailableStrings(o.root),
      databaseHealthy: () => loopback.databaseHealthy(),
      notFoundHtml: (locale) => loopback.notFoundHtml(locale),
    },
    onRefusedScripts: (path, samples) =>
      o.logger.warn(
        { path, refused: samples.length, sample: samples[0] },
        "CSP: inline script not recognised as Next's, refused",
      ),
  };

  async function handleRequest(req: IncomingMessage, res: ServerResponse, outcome: Outcome = {}) {
    const ex = classify(req, res, { isInternal, trust });
    if (ex.client.https || o.siteHttps) res.setHeader(HSTS[0], HSTS[1]);
    const outOfTouch = !ex.internal && isPublicPath(ex.path) ? instances?.ready() : undefined;
    if (outOfTouch) await outOfTouch; // the bus was not listening: check the purge generation first
    if (serveHit(ex, cache, now(), outcome)) return;
    const followed = await followLeader(ex, { flights, cache, now }, outcome);
    if (followed.served) return;
    // A follower whose leader stored nothing leads this render: its flight ends on every way out.
    let land = followed.land;
    try {
      const refusal = guard(ex);
      if (refusal) {
        sendResponse(res, storedResponse(refusal, { gzip: false }), {
          state: undefined,
          gzipOk: false,
          ifNoneMatch: undefined,
        });
        return;
      }
      forwardToNext(ex);
      if (isStaticFile(ex.path)) return o.handle(req, res);
      const scope: RequestScope = {
        path: ex.path,
        generation: cache.generation,
        horizon: undefined,
        pendingPurge: undefined,
        tags: new Set(),
      };
      // The loopback's own requests (revalidation, not-found page) are not waited for: a purge
      // repeated after the renders in flight would otherwise wait for itself.
      if (!ex.internal) inFlight.track(res);
      res.once("close", () => {
        if (!scope.pendingPurge) return;
        const tags = scope.pendingPurge === "all" ? undefined : [...scope.pendingPurge];
        purgeLocal(tags);
        if (!ex.internal) void purgeAfterRenders("a change on this instance", tags);
      });
      land ??= ex.key && !flights.leaderOf(ex.key) ? flights.lead(ex.key) : undefined;
      const result = await render(ex, o.handle, scope, als);
      await afterRender(ex, result, scope, outcome, afterRenderDeps);
      land?.(); // followers are answered from the entry now stored
      await result.handled;
    } finally {
      land?.();
    }
  }

  return {
    handleRequest,
    bridge,
    cache,
    instanceId,
    async startBus(databaseUrl) {
      instances = await connectInstances({
        databaseUrl,
        instanceId,
        logger: o.logger,
        purgeLocal,
        purgeAfterRenders,
        loopback,
      });
      return instances !== undefined;
    },
    async close() {
      await instances?.close();
    },
  };
}
