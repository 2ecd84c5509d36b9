import "server-only";
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { Db } from "../db/client";
import { log } from "../log";
import { deliverClaimed } from "../webhooks/deliver-claimed";
import { expandDue } from "./expand";
import { sendClaimed, type ReleaseCache } from "./send";
import { claimDue } from "./sql";
import type { Transport } from "./transport";

// The outbox worker: expands due dispatches, claims due emails and webhook deliveries with a lease,
// and sends them a few at a time. Several workers (app instances, `npm run mail:worker`) can run on
// one database: claims never overlap, and a crashed worker's rows come back when its lease ends.

export interface WorkerOptions {
  db: Db;
  transport: Transport;
  id?: string;
  /** rows claimed per round */
  batch?: number;
  /** sends in flight at once */
  concurrency?: number;
  /** how long a claimed row is ours before another worker may take it over */
  leaseMs?: number;
  /** pause when there was nothing to do */
  idleMs?: number;
  clock?: () => Date;
  /** webhook deliveries: hosts allowed to resolve to private addresses, timeouts (tests) */
  webhooks?: { allowedHosts?: string[]; timeoutMs?: number };
}

export interface Worker {
  id: string;
  /** one round; resolves with the number of rows handled (0: nothing was due) */
  tick(): Promise<number>;
  /** rounds until nothing is due (tests, scripts) */
  drain(): Promise<number>;
  start(): void;
  /** ends the loop after the round in flight (waits at most `graceMs`), closes the transport */
  stop(graceMs?: number): Promise<void>;
  /** run a round now (after a publish in this process) */
  wake(): void;
}

async function inPool<T>(items: T[], size: number, run: (item: T) => Promise<void>) {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await run(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, lane));
}

export function createWorker(options: WorkerOptions): Worker {
  const { db, transport } = options;
  const id = options.id ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const batch = options.batch ?? 50;
  const concurrency = options.concurrency ?? 5;
  const leaseMs = options.leaseMs ?? 5 * 60_000;
  const idleMs = options.idleMs ?? 2_000;
  const clock = options.clock ?? (() => new Date());
  let running = false;
  let current: Promise<number> | null = null;
  let wakeUp: (() => void) | null = null;

  async function tick(): Promise<number> {
    const now = clock();
    let handled = await expandDue(db, now);
    const cache: ReleaseCache = new Map();
    const mail = await claimDue(db, "MailMessage", id, batch, now, new Date(now.getTime() + leaseMs));
    await inPool(mail, concurrency, (m) => sendClaimed({ db, transport, workerId: id, leaseMs, clock, cache }, m));
    handled += mail.length;
    const hooks = await claimDue(db, "WebhookDelivery", id, batch, now, new Date(now.getTime() + leaseMs));
    await inPool(hooks, concurrency, (h) => deliverClaimed({ db, workerId: id, clock, ...options.webhooks }, h));
    return handled + hooks.length;
  }

  async function loop() {
    while (running) {
      let handled = 0;
      try {
        current = tick();
        handled = await current;
      } catch (err) {
        log.error({ err, worker: id }, "outbox worker: round failed");
      } finally {
        current = null;
      }
      if (!running) break;
      if (handled === 0) await new Promise<void>((r) => ((wakeUp = r), setTimeout(r, idleMs).unref()));
      else await new Promise((r) => setImmediate(r)); // let requests in between rounds
      wakeUp = null;
    }
  }

  return {
    id,
    tick,
    async drain() {
      let total = 0;
      for (let n = await tick(); n > 0; n = await tick()) total += n;
      return total;
    },
    start() {
      if (running) return;
      running = true;
      log.info({ worker: id, transport: transport.describe }, "outbox worker: started");
      void loop();
    },
    async stop(graceMs = 5_000) {
      running = false;
      wakeUp?.();
      if (current) await Promise.race([current.catch(() => 0), new Promise((r) => setTimeout(r, graceMs).unref())]);
      transport.close();
      log.info({ worker: id }, "outbox worker: stopped");
    },
    wake: () => wakeUp?.(),
  };
}
