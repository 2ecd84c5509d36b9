// Text for XML 1.0 documents (feeds, sitemaps). Every piece of user text goes through `xmlEscape`:
// never CDATA, whose only escape (`]]>`) is easy to get wrong (a feed library that replaced only the
// first `]]>` let a summary close its element and forge items).

/** Code points XML 1.0 forbids (C0 controls but tab/LF/CR, lone surrogates, U+FFFE/U+FFFF). */
const FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/** Removes what XML cannot carry at all; a stray control character would make the whole document unreadable. */
export const xmlChars = (s: string) => s.replace(FORBIDDEN, "");

/**
 * Anything that needs escaping or removing: every character but those XML carries as they are
 * (surrogates too, so pairs go the careful way; no `u` flag, so they are seen one by one).
 */
const NEEDS_WORK = /[^\t\n\r\u0020\u0021\u0023-\u0025\u0028-\u003B\u003D\u003F-\uD7FF\uE000-\uFFFD]/;

/** Escaped for element text and attribute values alike. Plain text (most URLs) is returned as is. */
export const xmlEscape = (s: string) => (NEEDS_WORK.test(s) ? xmlChars(s).replace(/[&<>"']/g, (c) => ENTITIES[c]!) : s);

/** `<name attr="…">text</name>`; attributes and text escaped, `undefined` attributes left out. */
export function xmlElement(name: string, attrs: Record<string, string | undefined>, text?: string): string {
  const a = Object.entries(attrs)
    .filter((e): e is [string, string] => e[1] !== undefined)
    .map(([k, v]) => ` ${k}="${xmlEscape(v)}"`)
    .join("");
  return text === undefined ? `<${name}${a}/>` : `<${name}${a}>${xmlEscape(text)}</${name}>`;
}
