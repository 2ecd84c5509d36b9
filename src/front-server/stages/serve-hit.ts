import type { Exchange, Outcome } from "../exchange";
import type { ResponseCache } from "../response-cache";
import { sendResponse } from "../send";

// Stage 2: a fresh entry in the response cache answers at once (Next is not involved).

export function serveHit(ex: Exchange, cache: ResponseCache, now: number, outcome: Outcome): boolean {
  if (!ex.key) return false;
  const entry = cache.get(ex.key);
  if (!entry || entry.expiresAt <= now) return false;
  outcome.cache = "HIT";
  sendResponse(ex.res, entry.response, { state: "HIT", gzipOk: ex.gzipOk, ifNoneMatch: ex.ifNoneMatch });
  return true;
}
