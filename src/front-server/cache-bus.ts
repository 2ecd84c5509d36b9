import type { Client as PgClient, ClientConfig, Notification } from "pg";
import type { Log } from "./pipeline";

// Cache invalidation between instances sharing one PostgreSQL (docs/CACHING.md, "Several
// instances"): NOTIFY on publish/withdraw, one dedicated LISTEN connection per instance that
// reconnects with backoff when the database goes away. Messages from this instance are ignored.

export const CHANNEL = "newsroom_cache";

export interface BusMessage {
  /** When the change was announced (ms since epoch). */
  at: number;
  /** Only entries with these tags changed; absent: everything. */
  tags?: string[];
}

export interface CacheBus {
  readonly connected: boolean;
  /** NOTIFY the other instances; never throws (a lost message is logged). */
  publish(message: BusMessage): Promise<void>;
  close(): Promise<void>;
}

export interface CacheBusOptions {
  pg: { Client: new (config: ClientConfig) => PgClient };
  url: string;
  instanceId: string;
  /** Another instance's message. */
  onMessage: (message: BusMessage) => void;
  /** The connection came back: messages sent meanwhile were lost, so purge everything. */
  onReconnect: () => void;
  logger: Log;
  minDelayMs?: number;
  maxDelayMs?: number;
}

function parse(msg: Notification, instanceId: string): BusMessage | null {
  if (msg.channel !== CHANNEL) return null;
  try {
    const data = JSON.parse(msg.payload ?? "") as { at?: unknown; origin?: unknown; tags?: unknown };
    if (data.origin === instanceId) return null;
    const tags = Array.isArray(data.tags) ? data.tags.filter((t): t is string => typeof t === "string") : undefined;
    return { at: typeof data.at === "number" ? data.at : Date.now(), ...(tags && { tags }) };
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

  async function notifyOnce(payload: string) {
    const once = new o.pg.Client({ connectionString: o.url, connectionTimeoutMillis: 3_000 });
    once.on("error", () => undefined);
    await once.connect();
    try {
      await once.query("SELECT pg_notify($1, $2)", [CHANNEL, payload]);
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
      const payload = JSON.stringify({ ...message, origin: o.instanceId });
      try {
        if (client) await client.query("SELECT pg_notify($1, $2)", [CHANNEL, payload]);
        else await notifyOnce(payload);
      } catch (err) {
        o.logger.error(
          { err: (err as Error).message },
          "cache bus: notify failed; other instances keep stale pages until their next purge",
        );
      }
    },
    async close() {
      closed = true;
      clearTimeout(timer);
      const c = client;
      client = undefined;
      await c?.end().catch(() => undefined);
    },
  };
}
