import { NextResponse, type NextRequest } from "next/server";
import { localeFromAcceptLanguage } from "./i18n/settings";

// Only redirects and rejects malformed URLs; every page and action checks the session on the
// server itself.
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (pathname === "/") {
    const locale = localeFromAcceptLanguage(request.headers.get("accept-language"));
    const response = NextResponse.redirect(new URL(`/${locale}`, request.url), 307);
    response.headers.set("Vary", "Accept-Language");
    return response;
  }
  // Invalid percent-encoding (e.g. %FF) would otherwise surface as a 500 from the router.
  try {
    decodeURIComponent(pathname);
  } catch {
    return new NextResponse("Bad Request: malformed URL", {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
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

const TOKEN_PAGE = /^\/(zh|en)\/(embargoed\/|subscribe\/confirm$|unsubscribe$)/;

export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"] };
