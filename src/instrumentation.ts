import type { Instrumentation } from "next";

// The production server (src/front-server) starts the outbox worker through this once it listens
// (startAppWorkers in src/contract/bridge.ts, docs/DISTRIBUTION.md); nothing starts during a build or in `next dev`.
export function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  globalThis.newsroomDistribution = {
    start: async () => (await import("./server/distribution/service")).startDistribution(),
  };
  // Views per release, counted by the front server (docs/PRESS-KIT.md "Views").
  globalThis.newsroomViews = {
    record: async (batch) => {
      const [{ recordViews }, { db }] = await Promise.all([import("./server/views/record"), import("./server/db")]);
      await recordViews(db(), batch);
    },
  };
}

// Unexpected server errors (rendering, route handlers, server actions) as one JSON log line carrying
// the request id that the front server (src/front-server) assigned, so a reader's report can be matched to the log.
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { log } = await import("./server/log");
  const reqId = request.headers["x-request-id"];
  const digest = typeof error === "object" && error !== null && "digest" in error ? String(error.digest) : undefined;
  log.error(
    {
      reqId: typeof reqId === "string" ? reqId : undefined,
      method: request.method,
      // Query strings can carry tokens or personal data: log the path only.
      path: request.path.split("?")[0],
      route: context.routePath,
      routeType: context.routeType,
      digest,
      err: error,
    },
    "request error",
  );
};
