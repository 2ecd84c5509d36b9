import type { ServerResponse } from "node:http";
import { BASE_CSP, PUBLIC_REVALIDATE, UNCHECKED_INLINE_CSP } from "@/contract";
import { directives } from "./freshness";
import type { HeaderPairs } from "./stored-response";

// Headers of Next's responses as the pipeline passes them on.

// Recomputed by the pipeline, belonging to the connection, or kept on `res` rather than in a
// stored entry (the request id and HSTS depend on the request, not on the page).
const DROP = new Set([
  "content-length",
  "transfer-encoding",
  "content-encoding",
  "x-nextjs-cache",
  "x-next-cache-tags", // Next sends it only in minimal mode; tags come through the bridge
  "etag",
  "connection",
  "keep-alive",
  "date",
  "x-request-id",
  "strict-transport-security",
]);

export function headerPairs(res: ServerResponse): HeaderPairs {
  const pairs: [string, string][] = [];
  for (const [name, value] of Object.entries(res.getHeaders())) {
    if (DROP.has(name) || value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) pairs.push([name, String(v)]);
  }
  return pairs;
}

export const headerText = (res: ServerResponse, name: string): string | undefined => {
  const value = res.getHeader(name);
  return value === undefined ? undefined : Array.isArray(value) ? value.join(", ") : String(value);
};

/**
 * Cache-Control for browsers and shared caches: Next's ISR lifetime (`s-maxage`, with
 * stale-while-revalidate) becomes "ask every time". The response cache keeps honouring
 * Next's lifetime (it is purged on every change); a CDN in front could not be.
 */
export function forBrowsers(cacheControl: string | undefined): string | undefined {
  if (cacheControl === undefined) return undefined;
  const cc = directives(cacheControl);
  if (cc.has("private") || cc.has("no-store")) return cacheControl;
  return cc.has("s-maxage") || cc.has("stale-while-revalidate") ? PUBLIC_REVALIDATE : cacheControl;
}

/**
 * The policy of a response that is not HTML: the route's own when it set one (media files:
 * sandbox), else the base policy. next.config.ts gives every response the policy for unchecked
 * inline scripts, which only makes sense where nothing checks them (next dev / next start).
 */
export function nonHtmlPolicy(current: string | undefined): string {
  return current && current !== UNCHECKED_INLINE_CSP ? current : BASE_CSP;
}
