import type { Exchange, RequestScope } from "../exchange";
import { NEXT_ROUNDING_SLACK_MS, freshUntil } from "../freshness";
import type { ResponseCache } from "../response-cache";
import type { StoredResponse } from "../stored-response";
import type { NextFacts } from "./render";

// Stage 7: keep the answer for the next anonymous reader, for as long as Next says and never past
// the next embargo end; never when a purge happened while it was being made.

export function store(
  ex: Pick<Exchange, "key">,
  response: StoredResponse,
  facts: NextFacts,
  scope: RequestScope,
  deps: { cache: ResponseCache; now: number },
): boolean {
  if (!ex.key || scope.pendingPurge) return false;
  const expiresAt = freshUntil({
    status: response.status,
    cacheControl: facts.cacheControl,
    nextCache: facts.nextCache,
    setsCookie: facts.setsCookie,
    horizon: scope.horizon ?? deps.cache.horizon,
    embargoJustEnded: deps.cache.embargoEndedWithin(deps.now, NEXT_ROUNDING_SLACK_MS),
    appStorable: scope.appStorable === true,
    now: deps.now,
  });
  if (expiresAt === null) return false;
  // Next answered from its page cache without running the app: the tags its renders reported.
  const known = facts.nextCache === "HIT" && scope.tags.size === 0 ? deps.cache.tagsOfPath(scope.path) : undefined;
  return deps.cache.set(ex.key, { response, expiresAt, tags: new Set(known ?? scope.tags) }, scope.generation);
}
