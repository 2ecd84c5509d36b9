import type { IncomingMessage, ServerResponse } from "node:http";
import { matchesEtag } from "@/contract";
import type { StoredResponse } from "./stored-response";

// Writing a held response to the client: 304 for a matching If-None-Match, gzip for clients that
// take it (when the variant exists), else the plain body. Node drops the body of a HEAD itself.

export type CacheState = "HIT" | "MISS" | "STALE";

/** Headers set on `res` before the response was known, which every answer keeps. */
const KEEP_ON_RES = new Set(["x-request-id", "connection", "strict-transport-security"]);

/** Forgets what Next set on `res` (its response is being replaced by a held one). */
export function clearNextHeaders(res: ServerResponse): void {
  for (const name of res.getHeaderNames()) if (!KEEP_ON_RES.has(name)) res.removeHeader(name);
}

export interface SendOptions {
  state: CacheState | undefined;
  gzipOk: boolean;
  ifNoneMatch: string | undefined;
}

export function sendResponse(res: ServerResponse, response: StoredResponse, options: SendOptions): void {
  if (options.state) res.setHeader("X-Cache", options.state);
  if (options.state === "STALE") res.setHeader("Warning", '110 - "Response is Stale"');
  if (response.status === 200 && matchesEtag(options.ifNoneMatch, response.etag)) {
    res.writeHead(304, response.notModifiedHead);
    res.end();
    return;
  }
  if (options.gzipOk && response.head.gzip && response.gzip) {
    res.writeHead(response.status, response.head.gzip);
    res.end(response.gzip);
    return;
  }
  res.writeHead(response.status, response.head.plain);
  res.end(response.body);
}

export const ifNoneMatchOf = (req: IncomingMessage) => {
  const value = req.headers["if-none-match"];
  return Array.isArray(value) ? value.join(",") : value;
};
