// How our inline spans and breaks are written in each XLIFF version, and read back.
import type { Inline, MarkType } from "./inline";

export type XliffVersion = "1.2" | "2.0";
export const XLIFF_VERSIONS: readonly XliffVersion[] = ["1.2", "2.0"];

export const NS = {
  "1.2": "urn:oasis:names:tc:xliff:document:1.2",
  "2.0": "urn:oasis:names:tc:xliff:document:2.0",
  mda: "urn:oasis:names:tc:xliff:metadata:2.0",
  newsroom: "urn:newsroom:xliff",
} as const;

/** XLIFF 1.2 `<g ctype>` for each mark (bold, italic, underlined and link are predefined). */
const CTYPE: Record<MarkType, string> = {
  link: "link",
  bold: "bold",
  italic: "italic",
  underline: "underlined",
  strike: "x-strike",
  code: "x-code",
};

/** XLIFF 2.0 `<pc type subType>` for each mark. */
const PC: Record<MarkType, { type: string; subType?: string }> = {
  link: { type: "link" },
  bold: { type: "fmt", subType: "xlf:b" },
  italic: { type: "fmt", subType: "xlf:i" },
  underline: { type: "fmt", subType: "xlf:u" },
  strike: { type: "fmt", subType: "newsroom:s" },
  code: { type: "fmt", subType: "newsroom:code" },
};

export function spanAttrs(version: XliffVersion, span: Extract<Inline, { kind: "span" }>): Record<string, string> {
  const type = span.mark.type as MarkType;
  if (version === "1.2") return { id: String(span.id), ctype: CTYPE[type] };
  const pc = PC[type];
  return { id: String(span.id), type: pc.type, ...(pc.subType ? { subType: pc.subType } : {}) };
}

/** The mark type a span element names (ctype, or type/subType), when it is one we know. */
export function markTypeOf(attrs: Record<string, string>): MarkType | null {
  const ctype = attrs.ctype;
  if (ctype) return (Object.keys(CTYPE) as MarkType[]).find((k) => CTYPE[k] === ctype) ?? null;
  return (
    (Object.keys(PC) as MarkType[]).find((k) => PC[k].type === attrs.type && PC[k].subType === attrs.subType) ?? null
  );
}
