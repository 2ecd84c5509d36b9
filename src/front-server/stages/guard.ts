import { isInternalPath } from "@/contract";
import type { Exchange } from "../exchange";
import { ownHeaders } from "../own-responses";
import type { ResponseParts } from "../stored-response";

// Stage 3: requests the front server refuses before Next sees them. Only its own internal paths:
// cross-site writes and the image optimizer are refused by src/proxy.ts, in every mode.

export function guard(ex: Pick<Exchange, "path" | "internal">): ResponseParts | null {
  if (isInternalPath(ex.path) && !ex.internal) {
    return {
      status: 404,
      headers: ownHeaders("text/plain; charset=utf-8"),
      body: Buffer.from("Not found"),
      etag: undefined,
    };
  }
  return null;
}
