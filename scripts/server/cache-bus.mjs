// Cache invalidation between instances sharing one PostgreSQL (docs/CACHING.md, "Several
// instances"): NOTIFY on publish/withdraw, one dedicated LISTEN connection per instance that
// reconnects with backoff when the database goes away. Messages from this instance are ignored.

export const CHANNEL = "newsroom_cache";

/**
 * Starts listening at once (in the background). `onMessage(data)` for other instances'
 * notifications; `onReconnect()` after the connection came back (notifications sent meanwhile
 * are lost, so the caller should purge everything).
 */
export function createCacheBus({
  pg,
  url,
  instanceId,
  onMessage,
  onReconnect,
  logger,
  minDelayMs = 250,
  maxDelayMs = 5_000,
}) {
  let client;
  let closed = false;
  let delay = minDelayMs;
  let everConnected = false;
  let timer;

  const schedule = () => {
    if (closed || timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      void connect();
    }, delay);
    timer.unref?.();
    delay = Math.min(delay * 2, maxDelayMs);
  };

  function watch(c) {
    let dropped = false;
    const drop = (err) => {
      if (dropped) return;
      dropped = true;
      if (client === c) client = undefined;
      if (!closed) logger.warn({ err: err?.message, retryMs: delay }, "cache bus: connection lost");
      c.end().catch(() => undefined);
      schedule();
    };
    c.on("error", drop);
    c.on("end", () => drop());
    c.on("notification", (msg) => {
      if (msg.channel !== CHANNEL) return;
      let data;
      try {
        data = JSON.parse(msg.payload ?? "");
      } catch {
        return;
      }
      if (data?.origin !== instanceId) onMessage(data);
    });
    return drop;
  }

  async function connect() {
    if (closed) return;
    const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000, keepAlive: true });
    const drop = watch(c);
    try {
      await c.connect();
      await c.query(`LISTEN ${CHANNEL}`);
    } catch (err) {
      drop(err);
      return;
    }
    if (closed) return void c.end().catch(() => undefined);
    client = c;
    delay = minDelayMs;
    logger.info({ reconnected: everConnected }, "cache bus: listening");
    if (everConnected) onReconnect();
    everConnected = true;
  }

  void connect();

  return {
    get connected() {
      return client !== undefined;
    },
    /** NOTIFY the other instances; never throws (a lost message is logged). */
    async publish(data) {
      const payload = JSON.stringify({ ...data, origin: instanceId });
      try {
        if (client) {
          await client.query("SELECT pg_notify($1, $2)", [CHANNEL, payload]);
          return;
        }
        const once = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
        once.on("error", () => undefined);
        await once.connect();
        try {
          await once.query("SELECT pg_notify($1, $2)", [CHANNEL, payload]);
        } finally {
          await once.end().catch(() => undefined);
        }
      } catch (err) {
        logger.error(
          { err: err?.message },
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
