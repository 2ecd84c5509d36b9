import "server-only";
import { createHash } from "node:crypto";
import { PUBLIC_REVALIDATE, matchesEtag } from "@/contract";

// Conditional GET for public responses: a strong ETag over the body, 304 when it matches.

export function etagOf(body: string): string {
  return `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
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

export { PUBLIC_REVALIDATE };
