// Writes from another site are refused before Next sees them, with a plain 403: server actions
// (fetch with a Next-Action header, or a plain form post before hydration) and route handlers alike.
// (Next refuses cross-site actions too, but as a 500 "Invalid Server Actions request"; route
// handlers that write also check Origin themselves.)

const WRITES = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** True when a write carries an Origin whose host is not the one the request was sent to. */
export function isCrossSiteAction(req) {
  if (!WRITES.has(req.method)) return false;
  // RFC 8058 one-click unsubscribe: posted by mail providers from anywhere; the token in the URL is
  // the credential, no cookie is involved (src/app/unsubscribe/route.ts).
  if (req.method === "POST" && /^\/unsubscribe\?/.test(req.url ?? "")) return false;
  const origin = req.headers.origin;
  if (!origin) return false; // browsers always send Origin on POST; Next applies its own rule
  let originHost;
  try {
    originHost = new URL(origin).host;
  } catch {
    return true; // "null" (sandboxed frames, file:) or garbage
  }
  const host = String(req.headers["x-forwarded-host"] ?? req.headers.host ?? "")
    .split(",")[0]
    .trim();
  return originHost.toLowerCase() !== host.toLowerCase();
}
