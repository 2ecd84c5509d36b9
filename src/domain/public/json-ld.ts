// Serializes structured data for a <script type="application/ld+json"> element. JSON.stringify does
// not escape "<", so a title containing "</script>" would close the element: escape it (and the
// characters that break JavaScript string literals) as \u escapes, which JSON parsers read back unchanged.
export function jsonLdString(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
