import type { ServerResponse } from "node:http";

// The responses this instance is still producing, so that a purge can be repeated once the renders
// that were running during it have ended. Such a render may have read the data from before the
// change; Next stores it in its page and data caches when it ends, after the revalidation, where it
// would count as fresh until the next change.

/** Next stores a render in its caches as the response ends, and at times a moment after. */
const STORE_GRACE_MS = 100;

export class InFlight {
  private readonly open = new Set<Promise<void>>();

  /** Counts `res` as in flight until it closes. */
  track(res: ServerResponse): void {
    let done!: () => void;
    const closed = new Promise<void>((resolve) => (done = resolve));
    this.open.add(closed);
    res.once("close", () => {
      this.open.delete(closed);
      done();
    });
  }

  get size(): number {
    return this.open.size;
  }

  /** Resolves once every response in flight now has ended (and Next has stored it), or after `maxMs`. */
  async settled(maxMs = 5_000): Promise<void> {
    if (this.open.size === 0) return;
    let timer: NodeJS.Timeout | undefined;
    const cap = new Promise<void>((resolve) => (timer = setTimeout(resolve, maxMs)));
    await Promise.race([Promise.all([...this.open]), cap]);
    clearTimeout(timer);
    await new Promise((resolve) => setTimeout(resolve, STORE_GRACE_MS));
  }
}
