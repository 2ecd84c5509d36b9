import type { IncomingMessage, ServerResponse } from "node:http";
import { INTERNAL_HEADERS, localeOfPath } from "@/contract";
import { clientOf, type TrustedProxy } from "@/domain/net/trusted-proxy";
import type { Exchange } from "../exchange";
import { cacheableKey, splitUrl } from "../routes";
import { ifNoneMatchOf } from "../send";

// Stage 1: what is this request? Reads the request, changes nothing.

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export function classify(
  req: IncomingMessage,
  res: ServerResponse,
  deps: { isInternal: (token: string | undefined) => boolean; trust: TrustedProxy },
): Exchange {
  const { path } = splitUrl(req.url);
  const encrypted = "encrypted" in req.socket && req.socket.encrypted === true;
  return {
    req,
    res,
    method: req.method ?? "GET",
    path,
    locale: localeOfPath(path),
    internal: deps.isInternal(first(req.headers[INTERNAL_HEADERS.internal])),
    key: cacheableKey(req),
    gzipOk: /\bgzip\b/i.test(String(req.headers["accept-encoding"] ?? "")),
    ifNoneMatch: ifNoneMatchOf(req),
    client: clientOf(
      {
        peer: req.socket.remoteAddress,
        encrypted,
        forwardedFor: [req.headers["x-forwarded-for"] ?? []].flat().join(","),
        forwardedProto: first(req.headers["x-forwarded-proto"]),
      },
      deps.trust,
    ),
  };
}
