import { isPostgresUrl } from "@/contract";
import type { CacheBus } from "./cache-bus";
import type { Loopback } from "./loopback";
import type { Log } from "./pipeline";
import { createGenerationGate, type GenerationGate } from "./purge-generation";

// Several instances on one PostgreSQL (docs/CACHING.md, "Several instances", "After a database
// outage"): the cache bus between them, and the purge-generation gate for when it is not listening.

/** NOTIFY payloads stop at 8,000 bytes: a longer list of tags goes as "everything". */
const MAX_TAG_BYTES = 6_000;
const fits = (tags: readonly string[]) => Buffer.byteLength(JSON.stringify(tags)) <= MAX_TAG_BYTES;

export interface Instances {
  /** Tell the others that public content changed (after this instance purged itself). */
  broadcast(tags?: readonly string[]): void;
  /** See GenerationGate.ready: undefined when cached answers may be served at once. */
  ready(): Promise<void> | undefined;
  close(): Promise<void>;
}

export interface InstancesDeps {
  databaseUrl: string | undefined;
  instanceId: string;
  logger: Log;
  /** Empties this instance's response cache (everything, or the entries with these tags). */
  purgeLocal: (tags?: readonly string[]) => void;
  /** Purges again (Next's caches included) once the renders running now have ended. */
  purgeAfterRenders: (why: string, tags?: readonly string[]) => Promise<void>;
  loopback: Loopback;
}

/** Starts the bus when the database is PostgreSQL (one instance by nature on SQLite: undefined). */
export async function connectInstances(d: InstancesDeps): Promise<Instances | undefined> {
  if (!d.databaseUrl || !isPostgresUrl(d.databaseUrl)) return undefined;
  const { default: pg } = await import("pg");
  const { createCacheBus } = await import("./cache-bus");

  /** Purges this instance's caches (or what carries these tags), Next's included (revalidateTag needs a request: the loopback). */
  async function purgeAll(why: string, tags?: readonly string[]) {
    d.purgeLocal(tags);
    const error = await d.loopback.revalidate(tags);
    if (error) d.logger.error({ err: error, why }, "revalidation after a peer's change failed");
    // A render running here while the peer committed may have read the old data and is stored
    // when it ends: once it has, purge again (in the background: requests wait for nothing).
    void d.purgeAfterRenders(why, tags);
  }

  const gate: GenerationGate = createGenerationGate({
    listening: () => bus.connected,
    read: () => bus.readGeneration(),
    purgeAll,
    logger: d.logger,
  });
  const bus: CacheBus = createCacheBus({
    pg,
    url: d.databaseUrl,
    instanceId: d.instanceId,
    logger: d.logger,
    onMessage: (message) => {
      d.logger.info(
        { delayMs: Date.now() - message.at, generation: message.generation },
        "cache bus: change on another instance",
      );
      void purgeAll("notification", message.tags).then(() => {
        if (message.generation !== undefined) gate.note(message.generation);
      });
    },
    onReconnect: () => void gate.reconnected(),
  });
  // Where the generation stands now: caches are empty, nothing to purge.
  await bus.readGeneration().then(
    (generation) => gate.note(generation),
    () => undefined,
  );
  return {
    broadcast: (tags) =>
      void bus.publish({ at: Date.now(), ...(tags && fits(tags) && { tags: [...tags] }) }).then((generation) => {
        if (generation !== undefined) gate.note(generation);
      }),
    ready: () => gate.ready(),
    close: () => bus.close(),
  };
}
