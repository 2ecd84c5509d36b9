import type { IncomingMessage, ServerResponse } from "node:http";
import type { Locale } from "@/contract";
import type { Client } from "@/domain/net/trusted-proxy";

// What the pipeline knows about one request, decided once by the classify stage and read by the
// stages after it. The request itself is rewritten for Next in one place only (stages/forward.ts).

export interface Exchange {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  /** The method the client sent (a HEAD is passed on to Next as a GET). */
  readonly method: string;
  readonly path: string;
  readonly locale: Locale | undefined;
  /** The request carries this process's secret (the front server's own loopback request). */
  readonly internal: boolean;
  /** The response-cache key for an anonymous GET/HEAD of a public URL, else null. */
  readonly key: string | null;
  readonly gzipOk: boolean;
  readonly ifNoneMatch: string | undefined;
  readonly client: Client;
}

/** What to purge again once a request that purged has ended: everything, or these tags. */
export type PendingPurge = "all" | Set<string>;

/** What one request in flight has told the front server through the bridge. */
export interface RequestScope {
  /** The request's path (Exchange.path). */
  readonly path: string;
  /** The cache generation when the request began: a purge since then forbids storing its response. */
  readonly generation: number;
  /** The earliest embargo end the app noted while answering (ms; Infinity: none). */
  horizon: number | undefined;
  /** The request purged the cache (a publish): purge again when its response has ended. */
  pendingPurge: PendingPurge | undefined;
  /** Tags the app reported for the data it read. */
  readonly tags: Set<string>;
  /** The app allowed a dynamic response to be kept (FrontBridge.allowStore). */
  appStorable?: boolean;
}

/** How the request was answered, for its log line. */
export interface Outcome {
  cache?: "HIT" | "MISS" | "STALE";
}
