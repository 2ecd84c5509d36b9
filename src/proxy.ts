import { NextResponse, type NextRequest } from "next/server";
import { localeFromAcceptLanguage } from "./i18n/settings";

// Only redirects; every page and action checks the session on the server itself.
export function proxy(request: NextRequest) {
  const locale = localeFromAcceptLanguage(request.headers.get("accept-language"));
  const response = NextResponse.redirect(new URL(`/${locale}`, request.url), 307);
  response.headers.set("Vary", "Accept-Language");
  return response;
}

export const config = { matcher: ["/"] };
