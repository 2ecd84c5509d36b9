// Security headers on every response, and a Content-Security-Policy without 'unsafe-inline' for
// scripts: the pipeline buffers each HTML response, hashes its inline <script> elements and allows
// exactly those (docs/SECURITY.md, "Headers and CSP").
import { createHash } from "node:crypto";

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;

/** 'sha256-…' sources for every inline <script> (no src) in `html`, in order, without duplicates. */
export function inlineScriptHashes(html) {
  const hashes = new Set();
  for (const [, attrs, text] of html.matchAll(SCRIPT)) {
    if (/(^|\s)src\s*=/i.test(attrs)) continue;
    hashes.add(`'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`);
  }
  return [...hashes];
}

/** The policy for a response; `scriptHashes` are the inline scripts its HTML may run. */
export function contentSecurityPolicy(scriptHashes = []) {
  return [
    "default-src 'self'",
    ["script-src 'self'", ...scriptHashes].join(" "),
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

/** Headers every response carries; HSTS only for a production site served over https. */
export function baseSecurityHeaders({ https = false, production = true } = {}) {
  const headers = [
    ["X-Content-Type-Options", "nosniff"],
    ["Referrer-Policy", "strict-origin-when-cross-origin"],
    ["X-Frame-Options", "DENY"],
    ["Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()"],
  ];
  if (https && production) headers.push(["Strict-Transport-Security", "max-age=31536000; includeSubDomains"]);
  return headers;
}
