import { NextResponse, type NextRequest } from "next/server";
import { isCrossSiteWrite } from "./contract";
import { localeFromAcceptLanguage } from "./i18n/settings";

// Next's proxy (formerly middleware): runs in every mode (next dev, next start, behind the front
// server). It redirects, refuses what no page should see, and never decides access: every page
// and action checks the session on the server itself.

const plain = (status: number, text: string) =>
  new NextResponse(text, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });

export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  // The app never uses next/image; its optimizer would resize any published image on demand for
  // anyone (images.unoptimized in next.config.ts turns it off; this answers without rendering).
  if (pathname === "/_next/image") return plain(404, "Not found");
  // Writes from another site: server actions (fetch with Next-Action, or a plain form post before
  // hydration) and route handlers alike. Next refuses cross-site actions too, but as a 500.
  const h = request.headers;
  if (
    isCrossSiteWrite({
      method: request.method,
      path: pathname,
      origin: h.get("origin"),
      host: h.get("host"),
      forwardedHost: h.get("x-forwarded-host"),
    })
  ) {
    return plain(403, "Forbidden: cross-site request");
  }
  if (pathname === "/") {
    const locale = localeFromAcceptLanguage(h.get("accept-language"));
    const response = NextResponse.redirect(new URL(`/${locale}`, request.url), 307);
    response.headers.set("Vary", "Accept-Language");
    return response;
  }
  // Invalid percent-encoding (e.g. %FF) would otherwise surface as a 500 from the router.
  try {
    decodeURIComponent(pathname);
  } catch {
    return plain(400, "Bad Request: malformed URL");
  }
  const response = NextResponse.next();
  if (TOKEN_PAGE.test(pathname)) {
    // Pages opened with a private token (docs/DISTRIBUTION.md): the token must not leave in a
    // Referer, be indexed or be kept by any cache.
    response.headers.set("Referrer-Policy", "no-referrer");
    response.headers.set("X-Robots-Tag", "noindex, nofollow");
    response.headers.set("Cache-Control", "private, no-store");
  }
  return response;
}

const TOKEN_PAGE = /^\/(zh|zh-Hant|en)\/(embargoed\/|subscribe\/confirm$|unsubscribe$)/;

export const config = { matcher: ["/((?!_next/static|favicon.ico).*)"] };
