import { LOCALES, type Locale } from "../i18n/settings";

// Names and rules the front server (src/front-server) and the app (src/app, src/server, proxy.ts)
// must agree on. One definition each; nothing here may import Node, Next or the database.

/** Request headers the front server sets for the app and deletes from every client request. */
export const INTERNAL_HEADERS = {
  /** The per-process secret of the front server's own loopback requests. */
  internal: "x-newsroom-internal",
  /** "zh" | "en": the URL's language, for the not-found page. */
  locale: "x-newsroom-locale",
  /** The client's address, as decided with TRUSTED_PROXY (src/domain/net/trusted-proxy.ts). */
  clientIp: "x-newsroom-client-ip",
  /** "https" | "http": how the client reached the site. */
  proto: "x-newsroom-proto",
} as const;

export const REQUEST_ID_HEADER = "x-request-id";
export const SESSION_COOKIE = "newsroom_session";

/** Paths only the front server may request (it answers 404 to anyone else). */
export const INTERNAL_PATHS = { revalidate: "/api/internal/revalidate", notFound: "/_newsroom/not-found" } as const;
export const isInternalPath = (path: string) => path.startsWith("/api/internal/") || path.startsWith("/_newsroom/");

const LOCALE_PREFIX = new RegExp(`^/(${LOCALES.join("|")})(?:/|$)`);

/** The locale of a path's first segment (`/zh/news` → "zh"), if any. */
export function localeOfPath(path: string): Locale | undefined {
  return LOCALE_PREFIX.exec(path)?.[1] as Locale | undefined;
}

export function isPostgresUrl(url: string | undefined): boolean {
  return /^postgres(ql)?:\/\//.test(url ?? "");
}

/** True when an If-None-Match header (a list, possibly weak, or "*") matches `etag`. */
export function matchesEtag(header: string | null | undefined, etag: string | undefined): boolean {
  if (!header || !etag) return false;
  return header.split(",").some((t) => {
    const tag = t.trim().replace(/^W\//, "");
    return tag === "*" || tag === etag;
  });
}

/**
 * For browsers and any shared cache in front: keep, but ask every time (a 304 costs one small
 * request). What the app can purge is its own memory; an s-maxage would let a CDN keep a
 * withdrawn article for that long.
 */
export const PUBLIC_REVALIDATE = "public, max-age=0, must-revalidate";
