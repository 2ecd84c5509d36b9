import "server-only";
import { logError } from "../log";
import { StorageError } from "../media/store";

// Headers and error answers of the press-kit download routes (docs/PRESS-KIT.md). Readers'
// answers may be kept by a shared cache only if it asks again every time (no-cache + ETag): a
// withdraw or an embargo must take effect at once, as it does for the page. Staff answers are private.

export const KIT_HEADERS = {
  "X-Content-Type-Options": "nosniff",
  "Content-Security-Policy": "default-src 'none'; sandbox",
  "Cross-Origin-Resource-Policy": "same-origin",
} as const;

export const cacheControl = (staff: boolean): Record<string, string> =>
  staff ? { "Cache-Control": "private, no-store", Vary: "Cookie" } : { "Cache-Control": "public, no-cache" };

export const plain = (status: number, text: string) =>
  new Response(text, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

/** A store failure as an answer (logged): 500 for a damaged file, 503 otherwise. */
export async function storageFailure(error: unknown, fields: Record<string, unknown>): Promise<Response> {
  if (!(error instanceof StorageError)) throw error;
  await logError(error, "press kit: file not served", { ...fields, reason: error.reason });
  return error.reason === "corrupt" ? plain(500, "Damaged file") : plain(503, "Media storage unavailable");
}
