import "server-only";
import { createHmac } from "node:crypto";
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { isIP } from "node:net";
import { bareHost, BlockedAddressError, guardedLookup, isAllowedHost, isPublicAddress } from "./address";

// One signed POST to a webhook: no redirects followed, a deadline for the whole exchange, at most
// MAX_RESPONSE_BYTES of the answer read (a snippet is kept for the delivery log).

export const SIGNATURE_HEADER = "X-Newsroom-Signature";
export const MAX_RESPONSE_BYTES = 64 * 1024;
export const DEFAULT_TIMEOUT_MS = 10_000;

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`, docs/DISTRIBUTION.md "Verifying webhooks". */
export function signatureHeader(secret: string, body: string, unixSeconds: number): string {
  const v1 = createHmac("sha256", secret).update(`${unixSeconds}.${body}`).digest("hex");
  return `t=${unixSeconds},v1=${v1}`;
}

export interface PostResult {
  status: number | null;
  error: string | null;
  /** the start of the response body, for the log */
  snippet: string;
  durationMs: number;
  /** the address was refused: do not retry */
  blocked: boolean;
}

export interface PostOptions {
  allowedHosts: readonly string[];
  timeoutMs?: number;
  headers: Record<string, string>;
}

export function postWebhook(url: string, body: string, options: PostOptions): Promise<PostResult> {
  const started = performance.now();
  const target = new URL(url);
  const allowPrivate = isAllowedHost(target.hostname, options.allowedHosts);
  const host = bareHost(target.hostname);
  const done = (r: Omit<PostResult, "durationMs">): PostResult => ({
    ...r,
    durationMs: Math.round(performance.now() - started),
  });
  if (!allowPrivate && isIP(host) && !isPublicAddress(host))
    return Promise.resolve(
      done({ status: null, error: new BlockedAddressError(host).message, snippet: "", blocked: true }),
    );
  return new Promise((resolve) => {
    const request = target.protocol === "https:" ? httpsRequest : httpRequest;
    const req = request(target, {
      method: "POST",
      agent: false,
      lookup: guardedLookup(allowPrivate),
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Length": String(Buffer.byteLength(body)),
        "User-Agent": "Newsroom-Webhooks/1",
        ...options.headers,
      },
    });
    const deadline = setTimeout(() => req.destroy(new Error("timed out")), options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    const finish = (r: Omit<PostResult, "durationMs">) => {
      clearTimeout(deadline);
      resolve(done(r));
    };
    req.on("error", (err) =>
      finish({
        status: null,
        error: err.message.slice(0, 300),
        snippet: "",
        blocked: err instanceof BlockedAddressError,
      }),
    );
    req.on("response", (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size <= MAX_RESPONSE_BYTES) chunks.push(chunk);
        else res.destroy(); // the status is known; the rest is not needed
      });
      const end = () =>
        finish({
          status: res.statusCode ?? null,
          error: null,
          snippet: Buffer.concat(chunks).toString("utf8").slice(0, 500),
          blocked: false,
        });
      res.on("end", end);
      res.on("close", end);
    });
    req.end(body);
  });
}
