import type { Client as PgClient, ClientConfig, Notification } from "pg";
import type { Log } from "./pipeline";

// Cache invalidation between instances sharing one PostgreSQL (docs/CACHING.md, "Several
// instances"): on publish/withdraw the purge generation is counted up and a NOTIFY carries it; one
// dedicated LISTEN connection per instance reconnects with backoff when the database goes away.
// Messages from this instance are ignored. The generation is what an instance checks while its bus
// is not listening (purge-generation.ts).

export const CHANNEL = "newsroom_cache";

// Counts the generation up and notifies in one round trip; the payload is built by the database so
// that it carries the generation it counted. One row (id 1), created by the first change if nothing
// made it before. bigint comes back as text.
const BUMP_AND_NOTIFY = `WITH g AS (
    INSERT INTO "PurgeGeneration" ("id", "generation", "updatedAt") VALUES (1, 1, now())
    ON CONFLICT ("id") DO UPDATE SET "generation" = "PurgeGeneration"."generation" + 1, "updatedAt" = now()
    RETURNING "generation")
  SELECT "generation", pg_notify($1, json_build_object('at', $2::bigint, 'tags', $3::json, 'origin', $4::text,
    'generation', "generation")::text) FROM g`;
const READ = `SELECT "generation" FROM "PurgeGeneration" WHERE "id" = 1`;

export interface BusMessage {
  /** When the change was announced (ms since epoch). */
  at: number;
  /** The purge generation the change produced (absent when it could not be counted). */
  generation?: number;
  /** Only entries with these tags changed; absent: everything. */
  tags?: string[];
}

export interface CacheBus {
  readonly connected: boolean;
  /** Counts the generation up and NOTIFYs the others; the new generation, or undefined when it failed (logged). */
  publish(message: Omit<BusMessage, "generation">): Promise<number | undefined>;
  /** The purge generation in the database (throws when it cannot be read). */
  readGeneration(): Promise<number>;
  close(): Promise<void>;
}

export interface CacheBusOptions {
  pg: { Client: new (config: ClientConfig) => PgClient };
  url: string;
  instanceId: string;
  /** Another instance's message. */
  onMessage: (message: BusMessage) => void;
  /** The connection came back: messages sent meanwhile were lost. */
  onReconnect: () => void;
  logger: Log;
  minDelayMs?: number;
  maxDelayMs?: number;
}

function parse(msg: Notification, instanceId: string): BusMessage | null {
  if (msg.channel !== CHANNEL) return null;
  try {
    const data = JSON.parse(msg.payload ?? "") as {
      at?: unknown;
      origin?: unknown;
      tags?: unknown;
      generation?: unknown;
    };
    if (data.origin === instanceId) return null;
    const tags = Array.isArray(data.tags) ? data.tags.filter((t): t is string => typeof t === "string") : undefined;
    const generation = typeof data.generation === "number" ? data.generation : undefined;
    return {
      at: typeof data.at === "number" ? data.at : Date.now(),
      ...(generation !== undefined && { generation }),
      ...(tags && { tags }),
    };
  } catch {
    return null;
  }
}

/** Starts listening at once (in the background). */
export function createCacheBus(o: CacheBusOptions): CacheBus {
  const minDelayMs = o.minDelayMs ?? 250;
  const maxDelayMs = o.maxDelayMs ?? 5_000;
  let client: PgClient | undefined;
  let closed = false;
  let delay = minDelayMs;
  let everConnected = false;
  let timer: NodeJS.Timeout | undefined;

  const schedule = () => {
    if (closed || timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      void connect();
    }, delay);
    timer.unref();
    delay = Math.min(delay * 2, maxDelayMs);
  };

  function watch(c: PgClient): (err?: Error) => void {
    let dropped = false;
    const drop = (err?: Error) => {
      if (dropped) return;
      dropped = true;
      if (client === c) client = undefined;
      if (!closed) o.logger.warn({ err: err?.message, retryMs: delay }, "cache bus: connection lost");
      c.end().catch(() => undefined);
      schedule();
    };
    c.on("error", drop);
    c.on("end", () => drop());
    c.on("notification", (msg) => {
      const message = parse(msg, o.instanceId);
      if (message) o.onMessage(message);
    });
    return drop;
  }

  async function connect() {
    if (closed) return;
    const c = new o.pg.Client({ connectionString: o.url, connectionTimeoutMillis: 3_000, keepAlive: true });
    const drop = watch(c);
    try {
      await c.connect();
      await c.query(`LISTEN ${CHANNEL}`);
    } catch (err) {
      drop(err as Error);
      return;
    }
    if (closed) return void c.end().catch(() => undefined);
    client = c;
    delay = minDelayMs;
    o.logger.info({ reconnected: everConnected }, "cache bus: listening");
    if (everConnected) o.onReconnect();
    everConnected = true;
  }

  /** Runs `work` on the listening connection, or on a short-lived one of its own when there is none. */
  async function withClient<T>(work: (c: PgClient) => Promise<T>): Promise<T> {
    if (client) return work(client);
    const once = new o.pg.Client({ connectionString: o.url, connectionTimeoutMillis: 1_000 });
    once.on("error", () => undefined);
    await once.connect();
    try {
      return await work(once);
    } finally {
      await once.end().catch(() => undefined);
    }
  }

  void connect();

  return {
    get connected() {
      return client !== undefined;
    },
    async publish(message) {
      try {
        return await withClient(async (c) => {
          const args = [CHANNEL, message.at, JSON.stringify(message.tags ?? null), o.instanceId];
          try {
            return Number((await c.query<{ generation: string }>(BUMP_AND_NOTIFY, args)).rows[0]!.generation);
          } catch (err) {
            // The message matters more than the count: a failed count is logged, the NOTIFY still goes.
            o.logger.error({ err: (err as Error).message }, "cache bus: purge generation not counted");
            await c.query("SELECT pg_notify($1, $2)", [CHANNEL, JSON.stringify({ ...message, origin: o.instanceId })]);
            return undefined;
          }
        });
      } catch (err) {
        o.logger.error(
          { err: (err as Error).message },
          "cache bus: notify failed; other instances keep stale pages until they check the purge generation",
        );
        return undefined;
      }
    },
    readGeneration: () =>
      withClient(async (c) => Number((await c.query<{ generation: string }>(READ)).rows[0]?.generation ?? 0)),
    async close() {
      closed = true;
      clearTimeout(timer);
      const c = client;
      client = undefined;
      await c?.end().catch(() => undefined);
    },
  };
}
