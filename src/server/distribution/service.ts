import "server-only";
import { db } from "../db";
import { env } from "../env";
import { log } from "../log";
import { configuredTransport } from "./transport";
import { createWorker, type Worker } from "./worker";

// The outbox worker inside the app server's process. The server starts it once it listens
// (globalThis.newsroomDistribution, set by src/instrumentation.ts) and stops it on shutdown through
// the same hooks as the database client: before the client, so a round in flight can finish.
// MAIL_WORKER=off leaves sending to `npm run mail:worker` processes.

type Hook = () => Promise<void>;
const global = globalThis as unknown as { newsroomShutdown?: Set<Hook>; newsroomMailWorker?: Worker };

/** Puts `hook` first among the shutdown hooks (they run in insertion order; closeDb must come later). */
function firstShutdownHook(hook: Hook) {
  const hooks = (global.newsroomShutdown ??= new Set());
  const others = [...hooks];
  hooks.clear();
  hooks.add(hook);
  for (const h of others) hooks.add(h);
}

export function startDistribution(): boolean {
  if (env().MAIL_WORKER === "off" || global.newsroomMailWorker) return false;
  const worker = createWorker({ db: db(), transport: configuredTransport(db()) });
  global.newsroomMailWorker = worker;
  firstShutdownHook(async () => {
    global.newsroomMailWorker = undefined;
    await worker.stop();
  });
  worker.start();
  return true;
}

/** After a publish in this process: look at the outbox now instead of at the next poll. */
export function wakeDistribution(): void {
  try {
    global.newsroomMailWorker?.wake();
  } catch (err) {
    log.warn({ err }, "outbox worker: wake failed");
  }
}
