import type { AsyncLocalStorage } from "node:async_hooks";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Exchange, RequestScope } from "../exchange";
import { captureResponse, type Capture } from "../capture";
import { forBrowsers, headerPairs, headerText, nonHtmlPolicy } from "../headers";
import { COMPRESSIBLE, type HeaderPairs } from "../stored-response";

// Stage 4: Next answers, inside the request's scope (the bridge reads it), and the pipeline holds
// back what it writes when it must look at it: HTML (scripts to hash, 404 shell), anything it may
// cache, anything it compresses. Response headers are made right for browsers on the way
// (Cache-Control, the CSP of non-HTML answers), for held and passed-through responses alike.

export type NextHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/** Facts of Next's answer, read before the pipeline rewrote its headers. */
export interface NextFacts {
  cacheControl: string | undefined;
  nextCache: string | undefined;
  etag: string | undefined;
  setsCookie: boolean;
}

export interface Rendered {
  status: number;
  body: Buffer;
  headers: HeaderPairs;
  facts: NextFacts;
}

const isHtml = (type: string) => /text\/html/i.test(type);

function holdBack(ex: Exchange, facts: NextFacts) {
  return (res: ServerResponse): boolean => {
    Object.assign(facts, {
      cacheControl: headerText(res, "cache-control"),
      nextCache: headerText(res, "x-nextjs-cache"),
      etag: headerText(res, "etag"),
      setsCookie: res.hasHeader("set-cookie"),
    });
    const type = headerText(res, "content-type") ?? "";
    const browserCc = forBrowsers(facts.cacheControl);
    if (browserCc !== undefined) res.setHeader("Cache-Control", browserCc);
    if (!isHtml(type))
      res.setHeader("Content-Security-Policy", nonHtmlPolicy(headerText(res, "content-security-policy")));
    if (res.getHeader("content-encoding")) return false;
    if (ex.key || isHtml(type)) return true;
    if (/text\/event-stream/i.test(type)) return false;
    return ex.gzipOk && COMPRESSIBLE.test(type);
  };
}

export interface RenderResult {
  rendered: Rendered | null;
  /** Next's own promise: awaited last, so its errors reach the caller. */
  handled: Promise<void>;
  capture: Capture;
}

export async function render(
  ex: Exchange,
  handle: NextHandler,
  scope: RequestScope,
  als: AsyncLocalStorage<RequestScope>,
): Promise<RenderResult> {
  const facts: NextFacts = {
    cacheControl: undefined,
    nextCache: undefined,
    etag: undefined,
    setsCookie: false,
  };
  const capture = captureResponse(ex.res, holdBack(ex, facts));
  const handled = als.run(scope, () => handle(ex.req, ex.res));
  let captured;
  try {
    captured = await Promise.race([capture.done, handled.then(() => undefined)]);
  } catch (err) {
    capture.release();
    throw err;
  }
  if (captured === undefined) {
    // Next returned without ending a held response (the client went away): nothing to send.
    captured = await Promise.race([capture.done, new Promise<null>((r) => setImmediate(() => r(null)))]);
    capture.abandon();
  }
  if (!captured) return { rendered: null, handled, capture };
  return { rendered: { ...captured, headers: headerPairs(ex.res), facts }, handled, capture };
}
