import { createHash } from "node:crypto";

// Which inline <script> elements of an HTML response the CSP allows: only the shapes Next itself
// emits, recognised by their whole text (a JSON literal where data goes, so nothing else can
// hide in them). Anything else is refused by the browser, and reported to the caller. The hash
// covers the exact text the browser will see, so a parser trick that makes the browser read a
// different text than this scan yields a hash that matches nothing. See docs/SECURITY.md.

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const FLIGHT_INIT = "(self.__next_f=self.__next_f||[]).push([0])";
const FLIGHT_PUSH = "self.__next_f.push(";
const TURBOPACK_PUSH = '(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push(';
// Data blocks: the browser never runs them, so the policy does not concern them.
const DATA_TYPES = new Set(["application/json", "application/ld+json"]);

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** `prefix` + one JSON value + `suffix`, and nothing else. */
function wrapsJson(text: string, prefix: string, suffix: string, check: (value: unknown) => boolean): boolean {
  if (!text.startsWith(prefix) || !text.endsWith(suffix)) return false;
  const inner = text.slice(prefix.length, text.length - suffix.length);
  return isJson(inner) && check(JSON.parse(inner));
}

/** RSC payload chunks: `[kind, data…]` with a small integer kind and strings (or null). */
const isFlightChunk = (v: unknown) =>
  Array.isArray(v) &&
  Number.isInteger(v[0]) &&
  (v[0] as number) >= 0 &&
  (v[0] as number) <= 3 &&
  v.slice(1).every((x) => typeof x === "string" || x === null);
const isObject = (v: unknown) => typeof v === "object" && v !== null && !Array.isArray(v);

/** True for the inline script texts Next (App Router, Turbopack build) writes into its HTML. */
export function isNextInlineScript(text: string): boolean {
  if (text === FLIGHT_INIT) return true;
  if (text.startsWith(`${FLIGHT_INIT};`)) return isNextInlineScript(text.slice(FLIGHT_INIT.length + 1));
  return (
    wrapsJson(text, FLIGHT_PUSH, ")", isFlightChunk) ||
    wrapsJson(text, TURBOPACK_PUSH, ");", isObject) ||
    wrapsJson(text, TURBOPACK_PUSH, ")", isObject)
  );
}

const typeOf = (attrs: string) => /(?:^|\s)type\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(attrs);

export interface InlineScripts {
  /** 'sha256-…' sources for the recognised scripts, in order, without duplicates. */
  allowed: string[];
  /** The first characters of each script that was not recognised (for the log; never the whole text). */
  refused: string[];
}

export function inlineScripts(html: string): InlineScripts {
  const allowed = new Set<string>();
  const refused: string[] = [];
  for (const [, attrs = "", text = ""] of html.matchAll(SCRIPT)) {
    if (/(^|\s)src\s*=/i.test(attrs)) continue;
    const type = typeOf(attrs);
    if (type && DATA_TYPES.has((type[1] ?? type[2] ?? type[3] ?? "").trim().toLowerCase())) continue;
    if (isNextInlineScript(text)) allowed.add(`'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`);
    else refused.push(text.slice(0, 40));
  }
  return { allowed: [...allowed], refused };
}
