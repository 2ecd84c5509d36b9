import { INTERNAL_HEADERS } from "@/contract";
import type { Exchange } from "../exchange";
import { isStaticFile } from "../routes";

// Stage: the request as Next must see it. The only place the pipeline rewrites the request:
// - internal headers: what the front server decided (client address, protocol, the URL's
//   language), never what the client sent;
// - no Accept-Encoding (the pipeline compresses what it buffers; Next compresses build files);
// - a cacheable request loses its conditional headers (the pipeline answers them from the full
//   response it stores) and a HEAD becomes a GET (Node drops the body; the pipeline stores it).

export function forwardToNext(ex: Exchange): void {
  const h = ex.req.headers;
  if (!ex.internal) delete h[INTERNAL_HEADERS.internal];
  if (ex.locale) h[INTERNAL_HEADERS.locale] = ex.locale;
  else if (!ex.internal) delete h[INTERNAL_HEADERS.locale];
  if (ex.client.ip) h[INTERNAL_HEADERS.clientIp] = ex.client.ip;
  else delete h[INTERNAL_HEADERS.clientIp];
  h[INTERNAL_HEADERS.proto] = ex.client.https ? "https" : "http";
  if (!isStaticFile(ex.path)) delete h["accept-encoding"];
  if (ex.key) {
    delete h["if-none-match"];
    delete h["if-modified-since"];
    if (ex.req.method === "HEAD") ex.req.method = "GET";
  }
}
