// Keyset cursors of the public API (/api/v1/releases?cursor=…): the position after the last item
// of a page, in the list's order (newest first, then release id descending). Opaque to clients
// (base64url), checked strictly when read back. Pure.

export interface Cursor {
  /** publication time of the last item returned */
  publishedAt: Date;
  releaseId: string;
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;
// 1970 … 2286: far outside any publication time, inside Date's range.
const MAX_MS = 9_999_999_999_999;

const toBase64Url = (s: string) => btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");

export function encodeCursor(c: Cursor): string {
  return toBase64Url(`${c.publishedAt.getTime()}.${c.releaseId}`);
}

/** The cursor, or null when `raw` is not one this API wrote (any other text, any other shape). */
export function decodeCursor(raw: string): Cursor | null {
  if (!/^[A-Za-z0-9_-]{1,120}$/.test(raw)) return null;
  let text: string;
  try {
    text = atob(raw.replace(/-/g, "+").replace(/_/g, "/"));
  } catch {
    return null;
  }
  const m = /^(\d{1,13})\.(.+)$/.exec(text);
  if (!m || !ID.test(m[2]!)) return null;
  const ms = Number(m[1]);
  if (ms > MAX_MS || toBase64Url(text) !== raw) return null; // one spelling per cursor
  return { publishedAt: new Date(ms), releaseId: m[2]! };
}
