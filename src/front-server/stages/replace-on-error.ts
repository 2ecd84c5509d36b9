import type { Locale } from "@/contract";
import type { Exchange } from "../exchange";
import { ownHeaders } from "../own-responses";
import { isNextErrorShell, unavailablePage, type StringsByLocale } from "../pages";
import type { CacheEntry, ResponseCache } from "../response-cache";
import { isPublicPagePath, isPublicPath } from "../routes";
import { headerOf, type HeaderPairs } from "../stored-response";
import type { Rendered } from "./render";

// Stage 5: what Next answered may be replaced.
// - A public URL fails (5xx): the entry held for it, even expired, is served stale; with none
//   and the database unreachable, a 503 in the URL's language (the JSON API: a JSON error).
// - Next's empty client-rendered 404 shell on a public page: the server-rendered not-found page.

type Where = Pick<Exchange, "path" | "key" | "locale">;

export interface ReplaceDeps {
  cache: ResponseCache;
  strings: StringsByLocale;
  databaseHealthy: () => Promise<boolean>;
  notFoundHtml: (locale: Locale) => Promise<string | null>;
}

export type Replacement =
  | { kind: "stale"; entry: CacheEntry }
  | { kind: "answer"; status: number; headers: HeaderPairs; body: Buffer; replaced: boolean };

function unavailable(ex: Where, strings: StringsByLocale): Replacement {
  const [type, text] = isPublicPagePath(ex.path)
    ? ["text/html; charset=utf-8", unavailablePage(strings, ex.locale)]
    : ex.path.startsWith("/api/")
      ? [
          "application/json; charset=utf-8",
          JSON.stringify({ error: { code: "unavailable", message: "database unavailable" } }),
        ]
      : ["text/plain; charset=utf-8", "Service unavailable\n"];
  return {
    kind: "answer",
    status: 503,
    headers: ownHeaders(type, [["Retry-After", "30"]]),
    body: Buffer.from(text),
    replaced: true,
  };
}

export async function replaceOnError(ex: Where, rendered: Rendered, deps: ReplaceDeps): Promise<Replacement> {
  const same: Replacement = { kind: "answer", ...rendered, replaced: false };
  if (rendered.status >= 500 && isPublicPath(ex.path)) {
    const stale = ex.key ? deps.cache.get(ex.key) : undefined;
    if (stale) return { kind: "stale", entry: stale };
    return (await deps.databaseHealthy()) ? same : unavailable(ex, deps.strings);
  }
  const type = headerOf(rendered.headers, "content-type") ?? "";
  if (
    rendered.status === 404 &&
    ex.locale &&
    type.includes("text/html") &&
    isNextErrorShell(rendered.body.toString("utf8"))
  ) {
    const html = await deps.notFoundHtml(ex.locale);
    if (html) return { ...same, body: Buffer.from(html), replaced: true };
  }
  return same;
}
