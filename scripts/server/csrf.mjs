// Server actions from another site are refused before Next sees them, with a plain 403.
// (Next refuses them too, but as a 500 "Invalid Server Actions request".) Route handlers that write
// check Origin themselves (e.g. media uploads).

/** True when a POST carries an Origin whose host is not the one the request was sent to. */
export function isCrossSiteAction(req) {
  if (req.method !== "POST" || !req.headers["next-action"]) return false;
  const origin = req.headers.origin;
  if (!origin) return false; // browsers always send Origin on POST; Next applies its own rule
  let originHost;
  try {
    originHost = new URL(origin).host;
  } catch {
    return true; // "null" (sandboxed frames, file:) or garbage
  }
  const host = String(req.headers["x-forwarded-host"] ?? req.headers.host ?? "").split(",")[0].trim();
  return originHost.toLowerCase() !== host.toLowerCase();
}
