import type { Exchange, Outcome } from "../exchange";
import type { ResponseCache } from "../response-cache";
import { serveHit } from "./serve-hit";

// Stage: concurrent misses for one URL render it once. The first request that misses becomes the
// leader; the others wait for it and are answered from the entry it stored. When it stored none
// (an error, an answer that must not be cached, a purge meanwhile: a publish while readers read),
// the first of them to wake leads the next render and the rest wait for it in turn, so a publish
// costs each busy page one render more, not one per reader. After `maxWaitMs` in all, or
// `maxRounds` leaders, a follower goes on to Next by itself.

export class Flights {
  #leaders = new Map<string, Promise<void>>();

  constructor(
    readonly maxWaitMs = 10_000,
    readonly maxRounds = 3,
  ) {}

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

/** What a request that missed does next: answered by a leader, or rendered (as the new leader: `land`). */
export type Followed = { served: true } | { served: false; land?: () => void };

/** Waits for the leader of `ex.key`, if any (and for the next one, if it stored nothing), and answers from what was stored. */
export async function followLeader(
  ex: Exchange,
  deps: { flights: Flights; cache: ResponseCache; now: () => number },
  outcome: Outcome,
): Promise<Followed> {
  const key = ex.key;
  let leader = key ? deps.flights.leaderOf(key) : undefined;
  if (!key || !leader) return { served: false };
  const deadline = performance.now() + deps.flights.maxWaitMs;
  for (let round = 1; ; round++) {
    const landed = await within(leader, deadline - performance.now());
    if (serveHit(ex, deps.cache, deps.now(), outcome)) return { served: true };
    if (!landed || round >= deps.flights.maxRounds) return { served: false };
    leader = deps.flights.leaderOf(key);
    // No await between the miss above and the claim: the followers woken with this one see it lead.
    if (!leader) return { served: false, land: deps.flights.lead(key) };
  }
}

/** True when `flight` ended within `ms`. */
async function within(flight: Promise<void>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((r) => (timer = setTimeout(() => r(false), Math.max(0, ms))));
  const landed = await Promise.race([flight.then(() => true), timeout]);
  clearTimeout(timer);
  return landed;
}
