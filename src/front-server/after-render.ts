import type { Exchange, Outcome, RequestScope } from "./exchange";
import type { ResponseCache } from "./response-cache";
import { clearNextHeaders, sendResponse } from "./send";
import type { RenderResult } from "./stages/render";
import { replaceOnError, type ReplaceDeps } from "./stages/replace-on-error";
import { secure, type RefusedScripts } from "./stages/secure";
import { keep, keepUntil } from "./stages/store";
import { etagOf, storedResponse } from "./stored-response";

// The stages after Next has answered a held-back request: replace on error → secure → store → send.

export interface AfterRenderDeps {
  cache: ResponseCache;
  now: () => number;
  replace: ReplaceDeps;
  onRefusedScripts: RefusedScripts;
}

export async function afterRender(
  ex: Exchange,
  { rendered, capture }: RenderResult,
  scope: RequestScope,
  outcome: Outcome,
  deps: AfterRenderDeps,
): Promise<void> {
  if (!rendered) return;
  const answer = await replaceOnError(ex, rendered, deps.replace);
  capture.release();
  clearNextHeaders(ex.res);
  const sendOptions = { gzipOk: ex.gzipOk, ifNoneMatch: ex.ifNoneMatch };
  if (answer.kind === "stale") {
    outcome.cache = "STALE";
    sendResponse(ex.res, answer.entry.response, { state: "STALE", ...sendOptions });
    return;
  }
  const headers = secure(ex.path, answer.headers, answer.body, deps.onRefusedScripts);
  const keepEtag = !answer.replaced && rendered.facts.etag;
  const etag = keepEtag || (ex.key ? etagOf(answer.body) : undefined);
  const parts = { status: answer.status, headers, body: answer.body, etag };
  const until = keepUntil(ex, answer.status, rendered.facts, scope, { cache: deps.cache, now: deps.now() });
  // The gzip variant is made for a kept entry (later readers take it) or a reader who takes it now.
  const response = storedResponse(parts, { gzip: until !== null || ex.gzipOk });
  if (until !== null) keep(ex.key!, response, until, rendered.facts, scope, deps.cache);
  outcome.cache = ex.key ? "MISS" : undefined;
  sendResponse(ex.res, response, { state: outcome.cache, ...sendOptions });
}
