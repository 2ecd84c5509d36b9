import type { Exchange, Outcome } from "../exchange";
import type { ResponseCache } from "../response-cache";
import { serveHit } from "./serve-hit";

// Stage: concurrent misses for one URL render it once. The first request that misses becomes the
// leader; the others wait for it and are answered from the entry it stored. When it stored none
// (an error, an answer that must not be cached, a purge meanwhile) or takes longer than
// `maxWaitMs`, they go on to Next themselves.

export class Flights {
  #leaders = new Map<string, Promise<void>>();

  constructor(readonly maxWaitMs = 10_000) {}

  /** Registers the request as the leader for `key`; the returned function (idempotent) ends its flight. */
  lead(key: string): () => void {
    let land!: () => void;
    const flight = new Promise<void>((resolve) => (land = resolve));
    this.#leaders.set(key, flight);
    return () => {
      if (this.#leaders.get(key) === flight) this.#leaders.delete(key);
      land();
    };
  }

  leaderOf(key: string): Promise<void> | undefined {
    return this.#leaders.get(key);
  }
}

/** Waits for the leader of `ex.key`, if any, and answers from what it stored; false: go on. */
export async function followLeader(
  ex: Exchange,
  deps: { flights: Flights; cache: ResponseCache; now: () => number },
  outcome: Outcome,
): Promise<boolean> {
  const leader = ex.key ? deps.flights.leaderOf(ex.key) : undefined;
  if (!leader) return false;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([leader, new Promise<void>((r) => (timer = setTimeout(r, deps.flights.maxWaitMs)))]);
  clearTimeout(timer);
  return serveHit(ex, deps.cache, deps.now(), outcome);
}
