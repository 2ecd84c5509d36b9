import { articleOfPath, viewSink, type ViewCount } from "@/contract";
import type { Log } from "./pipeline";

// Counts article views (docs/PRESS-KIT.md "Views"): a GET of /<edition>/news/<slug> answered 200,
// from the cache or from Next, adds one to an in-memory counter per day, edition and slug. No
// cookie is read or set, no address kept. Every `flushMs` (and at shutdown) the counters go to the
// app's sink in one batch; a batch the database refused is added back and retried. The counter is
// bounded: past `maxKeys` distinct keys it flushes early.

export interface ViewCounterOptions {
  logger: Log;
  flushMs?: number;
  maxKeys?: number;
  timeZone?: string;
  now?: () => number;
}

export class ViewCounter {
  private counts = new Map<string, number>();
  private day = { value: "", until: 0 };
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | undefined;
  private readonly format: Intl.DateTimeFormat;
  private readonly now: () => number;

  constructor(private readonly o: ViewCounterOptions) {
    this.now = o.now ?? Date.now;
    this.format = new Intl.DateTimeFormat("en-CA", { timeZone: o.timeZone ?? "Asia/Shanghai" });
  }

  start(): void {
    this.timer ??= setInterval(() => void this.flush(), this.o.flushMs ?? 30_000);
    this.timer.unref();
  }

  /** One answered request; counts it when it was an article page answered 200. */
  note(method: string | undefined, path: string, status: number): void {
    if (method !== "GET" || status !== 200) return;
    const article = articleOfPath(path);
    if (!article) return;
    const key = `${this.today()}\n${article.edition}\n${article.slug}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    if (this.counts.size >= (this.o.maxKeys ?? 10_000)) void this.flush();
  }

  /** The day in the agency time zone, formatted at most once a second. */
  private today(): string {
    const now = this.now();
    if (now >= this.day.until) this.day = { value: this.format.format(now), until: now + 1000 };
    return this.day.value;
  }

  /** Hands the counters to the sink; on failure they are added back (bounded) for the next flush. */
  flush(): Promise<void> {
    if (this.flushing) return this.flushing;
    const sink = viewSink();
    if (!sink || this.counts.size === 0) return Promise.resolve();
    const taken = this.counts;
    this.counts = new Map();
    const batch: ViewCount[] = [...taken].map(([key, count]) => {
      const [day = "", edition = "", slug = ""] = key.split("\n");
      return { day, edition, slug, count };
    });
    this.flushing = sink
      .record(batch)
      .catch((err: unknown) => {
        this.o.logger.warn({ err, keys: batch.length }, "views: batch not recorded; kept for the next flush");
        for (const [key, n] of taken) {
          if (this.counts.size < (this.o.maxKeys ?? 10_000) * 2) this.counts.set(key, (this.counts.get(key) ?? 0) + n);
        }
      })
      .finally(() => (this.flushing = undefined));
    return this.flushing;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.flushing;
    await this.flush();
  }
}
