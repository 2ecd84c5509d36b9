import type { NextConfig } from "next";
import { PHASE_DEVELOPMENT_SERVER } from "next/constants";
import { BASE_CSP, DEVELOPMENT_CSP, STATIC_SECURITY_HEADERS, UNCHECKED_INLINE_CSP } from "./src/contract/security";

const toNext = (pairs: ReadonlyArray<readonly [string, string]>) => pairs.map(([key, value]) => ({ key, value }));

// Security headers on every response in every mode (next dev, next start, behind the front
// server). The CSP here allows inline scripts wholesale, since nothing checks them under
// next dev / next start; the front server replaces it on HTML with the hashes of Next's own
// inline scripts, and on everything else with the base policy (docs/SECURITY.md).
export default function config(phase: string): NextConfig {
  const csp = phase === PHASE_DEVELOPMENT_SERVER ? DEVELOPMENT_CSP : UNCHECKED_INLINE_CSP;
  return {
    poweredByHeader: false,
    // Native modules and database drivers stay outside the server bundle.
    serverExternalPackages: [
      "better-sqlite3",
      "@prisma/adapter-better-sqlite3",
      "pg",
      "@prisma/adapter-pg",
      "nodemailer",
    ],
    // The app never uses next/image; the optimizer would be an anonymous, uncached image resizer.
    images: { unoptimized: true },
    headers: () => [
      { source: "/:path*", headers: toNext([...STATIC_SECURITY_HEADERS, ["Content-Security-Policy", csp]]) },
      // Build files run no inline script of their own: the base policy.
      { source: "/_next/static/:path*", headers: toNext([["Content-Security-Policy", BASE_CSP]]) },
    ],
    experimental: {
      globalNotFound: true,
      // The public site's page and data cache lives in memory only (docs/CACHING.md): entries on disk
      // would outlive the process and be served against a different or restored database.
      isrFlushToDisk: false,
    },
  };
}
