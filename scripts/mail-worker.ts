// `npm run mail:worker`: the outbox worker (email and webhooks) as a process of its own, for
// deployments that run the app servers with MAIL_WORKER=off or want more senders. Any number may
// run against one database. Stops on SIGTERM/SIGINT after the round in flight. docs/DISTRIBUTION.md.
import "dotenv/config";
import { closeDb, db } from "../src/server/db";
import { configuredTransport } from "../src/server/distribution/transport";
import { createWorker } from "../src/server/distribution/worker";
import { parseEnv } from "../src/server/env";

try {
  parseEnv();
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
const leaseMs = Number(process.env.MAIL_LEASE_MS) || undefined; // tests shorten the lease
const worker = createWorker({ db: db(), transport: configuredTransport(db()), leaseMs, idleMs: 1_000 });
worker.start();
// The worker's idle wait does not hold the event loop open (app servers and tests must be able to
// exit); here nothing else might (better-sqlite3 keeps no socket), so the process would end as soon
// as a round found nothing due. This timer keeps it running until a signal stops it.
const keepAlive = setInterval(() => {}, 60 * 60_000);
let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    clearInterval(keepAlive);
    void worker
      .stop()
      .then(closeDb)
      .then(() => process.exit(0));
  });
}
