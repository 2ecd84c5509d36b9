import "server-only";
import { createHash } from "node:crypto";

// Conditional GET for public responses: a strong ETag over the body, 304 when it matches.

export function etagOf(body: string): string {
  return `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
}

/** True when an If-None-Match header (a list, possibly weak, or "*") matches `etag`. */
export function matchesEtag(header: string | null, etag: string): boolean {
  if (!header) return false;
  return header.split(",").some((t) => {
    const tag = t.trim().replace(/^W\//, "");
    return tag === "*" || tag === etag;
  });
}

export function conditionalResponse(
  request: Request,
  body: string,
  init: { contentType: string; cacheControl: string; status?: number },
): Response {
  const etag = etagOf(body);
  const headers = { ETag: etag, "Cache-Control": init.cacheControl, Vary: "Accept-Encoding" };
  if ((init.status ?? 200) === 200 && matchesEtag(request.headers.get("if-none-match"), etag)) {
    return new Response(null, { status: 304, headers });
  }
  return new Response(body, { status: init.status ?? 200, headers: { ...headers, "Content-Type": init.contentType } });
}

/**
 * Public, but every use revalidates with the ETag: a withdrawn release must not live on in a
 * browser or proxy cache. A 304 costs one small request.
 */
export const PUBLIC_REVALIDATE = "public, max-age=0, must-revalidate";
