import type { Exchange, RequestScope } from "../exchange";
import { NEXT_ROUNDING_SLACK_MS, freshUntil } from "../freshness";
import type { ResponseCache } from "../response-cache";
import type { StoredResponse } from "../stored-response";
import type { NextFacts } from "./render";

// Stage 7: keep the answer for the next anonymous reader, for as long as Next says and never past
// the next embargo end; never when a purge happened while it was being made.

export interface StoreDeps {
  cache: ResponseCache;
  now: number;
}

/**
 * Until when (ms since epoch) an answer of `status` may be kept, or null: not at all. Decided
 * before the response is built, so that one nobody keeps is not gzipped for nothing.
 */
export function keepUntil(
  ex: Pick<Exchange, "key">,
  status: number,
  facts: NextFacts,
  scope: RequestScope,
  deps: StoreDeps,
): number | null {
  if (!ex.key || scope.pendingPurge) return null;
  return freshUntil({
    status,
    cacheControl: facts.cacheControl,
    nextCache: facts.nextCache,
    setsCookie: facts.setsCookie,
    horizon: scope.horizon ?? deps.cache.horizon,
    embargoJustEnded: deps.cache.embargoEndedWithin(deps.now, NEXT_ROUNDING_SLACK_MS),
    appStorable: scope.appStorable === true,
    now: deps.now,
  });
}

/** Keeps `response` under `key` until `expiresAt`, with the tags of what it shows. */
export function keep(
  key: string,
  response: StoredResponse,
  expiresAt: number,
  facts: NextFacts,
  scope: RequestScope,
  cache: ResponseCache,
): boolean {
  // Next answered from its page cache without running the app: the tags its renders reported.
  const known = facts.nextCache === "HIT" && scope.tags.size === 0 ? cache.tagsOfPath(scope.path) : undefined;
  return cache.set(key, { response, expiresAt, tags: new Set(known ?? scope.tags) }, scope.generation);
}
