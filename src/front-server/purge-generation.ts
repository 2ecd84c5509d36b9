import type { Log } from "./pipeline";

// After a database outage (docs/CACHING.md): a NOTIFY sent while this instance's cache bus is not
// listening is lost, so the bus alone cannot promise that a withdrawal is honoured everywhere. The
// database keeps a purge generation (table "PurgeGeneration"), counted up by every change an
// instance tells the others about. While this instance's bus is not listening, or has just come
// back and not yet caught up, it serves nothing from a cache before it has read the generation
// (at most `checkMs` ago); when the generation moved, it first purges its caches.

export interface GenerationGate {
  /**
   * Resolves when cached answers may be served. Undefined (nothing to wait for) while the bus
   * listens and has caught up: the common case costs nothing.
   */
  ready(): Promise<void> | undefined;
  /** A generation this instance has applied (its own change, or a peer's message). */
  note(generation: number): void;
  /** The bus came back: catch up (purge, then trust the bus again). */
  reconnected(): Promise<void>;
}

export interface GateDeps {
  /** The bus is connected and listening. */
  listening: () => boolean;
  /** Reads the generation from the database (throws when it cannot). */
  read: () => Promise<number>;
  /** Empties this instance's caches (the response cache and Next's) and resolves when done. */
  purgeAll: (why: string) => Promise<void>;
  logger: Log;
  now?: () => number;
  checkMs?: number;
}

export function createGenerationGate(d: GateDeps): GenerationGate {
  const now = d.now ?? Date.now;
  const checkMs = d.checkMs ?? 500;
  let seen: number | undefined;
  let checkedAt = Number.NEGATIVE_INFINITY;
  let catchingUp: Promise<void> | undefined;
  let check: Promise<void> | undefined;
  let failing = false;

  const note = (generation: number) => {
    if (seen === undefined || generation > seen) seen = generation;
  };

  /** Reads the generation; purges when it moved since the last one seen (or none was seen yet). */
  async function compare(why: string): Promise<void> {
    try {
      const generation = await d.read();
      if (failing) d.logger.info({ generation }, "purge generation: readable again");
      failing = false;
      if (seen === undefined || generation > seen) {
        seen = generation;
        await d.purgeAll(why);
      }
    } catch (err) {
      // The database is unreachable: nothing can have been published or withdrawn through it.
      if (!failing)
        d.logger.warn({ err: (err as Error).message }, "purge generation: unreadable; serving what is cached");
      failing = true;
    } finally {
      checkedAt = now();
    }
  }

  return {
    ready() {
      if (catchingUp) return catchingUp;
      if (d.listening()) return undefined;
      if (now() - checkedAt < checkMs) return undefined;
      check ??= compare("bus not listening").finally(() => (check = undefined));
      return check;
    },
    note,
    reconnected() {
      // Messages sent meanwhile are lost: purge once, and remember where the generation stands.
      catchingUp ??= (async () => {
        const generation = await d.read().catch(() => undefined);
        if (generation !== undefined) note(generation);
        await d.purgeAll("reconnected");
      })().finally(() => (catchingUp = undefined));
      return catchingUp;
    },
  };
}
