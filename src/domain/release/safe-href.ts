// Which link targets stored rich text may carry, and in what form. A link is site-relative ("/…"),
// http(s) or mailto. The check runs the WHATWG URL parser (the browser's) and returns its result,
// so what we emit is exactly what a browser follows: "/\evil.example" (a browser reads "//evil…"),
// "https://\evil.example", "java\tscript:" and the like are refused or normalised, never trusted
// as written.

/** A placeholder origin for resolving site-relative links; never emitted. */
const SITE = "https://site.invalid";
export const HREF_MAX = 2048;

// Whitespace anywhere (browsers strip tabs and newlines inside URLs and trim spaces and C0 controls),
// C0/C1 controls, and backslashes (read as "/" in http(s) URLs).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE_CHARS = /[\s\u0000-\u001f\u007f-\u009f\\]/;
// Percent-encoded slashes, backslashes and controls in a site path: servers and proxies that decode
// them before routing turn "/%2F%2Fevil.example" into an off-site redirect.
const ENCODED_SEPARATORS = /%(2f|5c|0[0-9a-f]|1[0-9a-f]|7f)/i;

function parse(href: string, base?: string): URL | null {
  try {
    return new URL(href, base);
  } catch {
    return null;
  }
}

function siteRelative(href: string): string | null {
  if (href.startsWith("//") || ENCODED_SEPARATORS.test(href)) return null;
  const url = parse(href, SITE);
  if (!url || url.origin !== SITE) return null;
  return url.pathname + url.search + url.hash;
}

function absolute(href: string): string | null {
  const url = parse(href);
  if (!url || (url.protocol !== "http:" && url.protocol !== "https:")) return null;
  // "https://agency.gov@evil.example" shows one host and goes to another.
  if (!url.hostname || url.username || url.password) return null;
  return url.href;
}

function mailto(href: string): string | null {
  const url = parse(href);
  return url?.protocol === "mailto:" && /^[^@?]+@[^@?]+/.test(url.pathname) ? url.href : null;
}

/** The link as a browser would follow it, or null when it is not allowed. */
export function safeHref(href: unknown): string | null {
  if (typeof href !== "string") return null;
  const trimmed = href.trim();
  if (!trimmed || trimmed.length > HREF_MAX || UNSAFE_CHARS.test(trimmed)) return null;
  if (trimmed.startsWith("/")) return siteRelative(trimmed);
  if (/^https?:\/\//i.test(trimmed)) return absolute(trimmed);
  if (/^mailto:/i.test(trimmed)) return mailto(trimmed);
  return null;
}

/** Off-site links (everything but site-relative ones) open without opener or referrer. */
export const isOffSite = (href: string): boolean => !href.startsWith("/");
