import type { AsyncLocalStorage } from "node:async_hooks";
import type { FrontBridge } from "@/contract";
import type { PendingPurge, RequestScope } from "./exchange";
import type { ResponseCache } from "./response-cache";

// The front server's side of the bridge the app calls (src/contract/bridge.ts): purges, embargo
// horizons and tags, reported from inside a request through the request's scope.

export interface BridgeDeps {
  als: AsyncLocalStorage<RequestScope>;
  cache: ResponseCache;
  /** Empties this instance's caches (everything, or the entries with these tags). */
  purgeLocal: (tags?: readonly string[]) => void;
  /** Tells the other instances. */
  broadcast: (tags?: readonly string[]) => void;
  isInternal: (token: string | null | undefined) => boolean;
}

/** Everything stays everything; tags add up. */
export function mergePending(pending: PendingPurge | undefined, tags: readonly string[] | undefined): PendingPurge {
  if (!tags || pending === "all") return "all";
  return new Set([...(pending ?? []), ...tags]);
}

export function createBridge({ als, cache, purgeLocal, broadcast, isInternal }: BridgeDeps): FrontBridge {
  return {
    // Next applies revalidateTag at the end of the action, so a page rendered in between could
    // still hold old data: the request's scope purges once more when its response has ended.
    purge({ broadcast: tell, tags }) {
      purgeLocal(tags);
      const scope = als.getStore();
      if (scope) scope.pendingPurge = mergePending(scope.pendingPurge, tags);
      if (tell) broadcast(tags);
    },
    noteHorizon(at) {
      const scope = als.getStore();
      if (!scope || scope.generation !== cache.generation) return;
      scope.horizon = Math.min(scope.horizon ?? Infinity, at);
      cache.noteHorizon(at, scope.generation);
    },
    noteTags(tags) {
      const scope = als.getStore();
      if (!scope) return;
      for (const tag of tags) {
        scope.tags.add(tag);
        cache.noteRenderTag(scope.path, tag);
      }
    },
    allowStore() {
      const scope = als.getStore();
      if (scope) scope.appStorable = true;
    },
    horizonKnown() {
      const at = cache.horizon;
      return at !== undefined && at > Date.now();
    },
    verifyInternal: isInternal,
  };
}
