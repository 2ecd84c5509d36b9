// The response headers every answer carries, in every mode: next.config.ts `headers()` applies
// them to what Next serves (next dev, next start, behind the front server), and the front server
// to what it answers itself (503, stale copies). See docs/SECURITY.md ("Headers and CSP").

export const STATIC_SECURITY_HEADERS: ReadonlyArray<readonly [string, string]> = [
  ["X-Content-Type-Options", "nosniff"],
  ["Referrer-Policy", "strict-origin-when-cross-origin"],
  ["X-Frame-Options", "DENY"],
  ["Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()"],
];

export const HSTS: readonly [string, string] = ["Strict-Transport-Security", "max-age=31536000; includeSubDomains"];

/**
 * The policy. `scripts` are the sources allowed for scripts besides 'self': the front server
 * lists the hashes of the inline scripts it recognised as Next's; without the front server
 * (`next dev`, `next start`) inline scripts cannot be checked and the policy says 'unsafe-inline'
 * (and 'unsafe-eval' in development, which React's dev tooling needs).
 */
export function contentSecurityPolicy(scripts: readonly string[]): string {
  return [
    "default-src 'self'",
    ["script-src 'self'", ...scripts].join(" "),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** The CSP of responses without inline scripts to allow (JSON, feeds, files, the 503 page). */
export const BASE_CSP = contentSecurityPolicy([]);

/** What next.config.ts sends where nothing checks inline scripts (`next start`); the front server narrows it. */
export const UNCHECKED_INLINE_CSP = contentSecurityPolicy(["'unsafe-inline'"]);

/** `next dev`: React's development build also evaluates code (source maps, fast refresh). */
export const DEVELOPMENT_CSP = contentSecurityPolicy(["'unsafe-inline'", "'unsafe-eval'"]);

const WRITES = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * True when a write carries an Origin whose host is not the one the request was sent to
 * (server actions, plain form posts before hydration, route handlers). No Origin: not a browser's
 * cross-site request (browsers send Origin on every POST), left to Next's own checks.
 */
export function isCrossSiteWrite(req: {
  method: string;
  /** the path without the query */
  path: string;
  origin: string | null;
  host: string | null;
  forwardedHost: string | null;
}): boolean {
  if (!WRITES.has(req.method.toUpperCase()) || !req.origin) return false;
  // RFC 8058 one-click unsubscribe: mail providers post it from anywhere; the token in the URL is
  // the credential and no cookie is involved (src/app/unsubscribe/route.ts, a route: no actions).
  if (req.path === "/unsubscribe") return false;
  let originHost: string;
  try {
    originHost = new URL(req.origin).host;
  } catch {
    return true; // "null" (sandboxed frames, file:) or garbage
  }
  const host = (req.forwardedHost ?? req.host ?? "").split(",")[0]!.trim();
  return originHost.toLowerCase() !== host.toLowerCase();
}
