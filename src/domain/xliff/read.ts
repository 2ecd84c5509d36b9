// Reads an XLIFF 1.2 or 2.0 file with a strict XML parser (saxes): no DTD is read and any DOCTYPE is
// refused, so entity expansion ("billion laughs") and external entities cannot happen; custom
// entities are errors. Only what an import needs is kept: languages, the release it claims to be
// for, and each unit's source and target as inline trees. Pure.
import { SaxesParser, type SaxesTagNS } from "saxes";
import { markTypeOf, NS, type XliffVersion } from "./codes";
import type { Inline } from "./inline";

export const MAX_UNITS = 5_000;
export const MAX_DEPTH = 64;
export const MAX_UNIT_CHARS = 100_000;

export type XliffErrorCode =
  "xliff_malformed" | "xliff_doctype" | "xliff_not_xliff" | "xliff_too_many_units" | "xliff_multiple_files";

export class XliffError extends Error {
  constructor(
    readonly code: XliffErrorCode,
    readonly params: Record<string, string | number> = {},
  ) {
    super(code);
  }
}

export interface ReadUnit {
  id: string;
  source: Inline[];
  target: Inline[] | null;
  state: string | null;
}

export interface ReadFile {
  version: XliffVersion;
  srcLang: string;
  trgLang: string;
  original: string;
  releaseId: string | null;
  sourceFingerprint: string | null;
  units: ReadUnit[];
}

type Container = Inline[];
type Span = Extract<Inline, { kind: "span" }>;

/** Elements whose content is native code or a sub-flow, never translatable text of the unit. */
const SKIP_CONTENT = new Set(["ph", "bpt", "ept", "it", "sub", "originalData", "notes", "note"]);

export function readXliff(xml: string): ReadFile {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const state = newState();
  parser.on("doctype", () => {
    throw new XliffError("xliff_doctype");
  });
  parser.on("error", (e) => {
    throw new XliffError("xliff_malformed", { line: parser.line, detail: e.message.slice(0, 200) });
  });
  parser.on("opentag", (tag) => onOpen(state, tag));
  parser.on("closetag", (tag) => onClose(state, tag));
  parser.on("text", (text) => onText(state, text));
  parser.on("cdata", (text) => onText(state, text));
  parser.write(xml).close();
  if (!state.version) throw new XliffError("xliff_not_xliff");
  return {
    version: state.version,
    srcLang: state.srcLang,
    trgLang: state.trgLang,
    original: state.original,
    releaseId: state.releaseId,
    sourceFingerprint: state.sourceFingerprint,
    units: state.units,
  };
}

function newState() {
  return {
    version: null as XliffVersion | null,
    depth: 0,
    files: 0,
    srcLang: "",
    trgLang: "",
    original: "",
    releaseId: null as string | null,
    sourceFingerprint: null as string | null,
    meta: null as string | null,
    metaText: "",
    unit: null as ReadUnit | null,
    segmentState: null as string | null,
    /** "source" | "target" | "ignorable" while inside one, with its inline stack */
    flow: null as null | { kind: "source" | "target" | "ignorable"; stack: Container[]; chars: number },
    skip: 0,
    units: [] as ReadUnit[],
  };
}
type State = ReturnType<typeof newState>;

const attr = (tag: SaxesTagNS, local: string, uri = "") =>
  Object.values(tag.attributes).find((a) => a.local === local && a.uri === uri)?.value;

function onOpen(s: State, tag: SaxesTagNS) {
  if (++s.depth > MAX_DEPTH) throw new XliffError("xliff_malformed", { detail: "nesting too deep" });
  if (s.skip) return void s.skip++;
  if (s.depth === 1) return openRoot(s, tag);
  if (s.flow) return openInline(s, tag);
  if (tag.uri === NS.mda && tag.local === "meta") s.meta = attr(tag, "type") ?? null;
  if (tag.uri !== NS[s.version!]) return;
  if (tag.local === "file") return openFile(s, tag);
  const v12 = s.version === "1.2";
  if ((v12 && tag.local === "trans-unit") || (!v12 && tag.local === "unit")) {
    if (s.units.length >= MAX_UNITS) throw new XliffError("xliff_too_many_units", { max: MAX_UNITS });
    s.unit = { id: attr(tag, "id") ?? "", source: [], target: null, state: null };
    if (v12 && attr(tag, "approved") === "yes") s.unit.state = "final";
    return;
  }
  if (!s.unit) return;
  if (v12 && (tag.local === "alt-trans" || tag.local === "seg-source" || tag.local === "note")) return void s.skip++;
  if (!v12 && tag.local === "segment") s.segmentState = attr(tag, "state") ?? "initial";
  if (!v12 && (tag.local === "notes" || tag.local === "originalData")) return void s.skip++;
  if (tag.local === "source" || tag.local === "target" || tag.local === "ignorable") {
    if (tag.local === "target" && v12) s.unit.state ??= attr(tag, "state") ?? "translated";
    s.flow = { kind: tag.local, stack: [[]], chars: 0 };
  }
}

function openRoot(s: State, tag: SaxesTagNS) {
  const version = attr(tag, "version");
  if (tag.local !== "xliff") throw new XliffError("xliff_not_xliff");
  if (tag.uri === NS["1.2"] && version === "1.2") s.version = "1.2";
  else if (tag.uri === NS["2.0"] && version === "2.0") {
    s.version = "2.0";
    s.srcLang = attr(tag, "srcLang") ?? "";
    s.trgLang = attr(tag, "trgLang") ?? "";
  } else throw new XliffError("xliff_not_xliff");
}

function openFile(s: State, tag: SaxesTagNS) {
  if (++s.files > 1) throw new XliffError("xliff_multiple_files");
  s.original = attr(tag, "original") ?? "";
  if (s.version === "1.2") {
    s.srcLang = attr(tag, "source-language") ?? "";
    s.trgLang = attr(tag, "target-language") ?? "";
    s.releaseId = attr(tag, "release", NS.newsroom) ?? null;
    s.sourceFingerprint = attr(tag, "source-fingerprint", NS.newsroom) ?? null;
  }
}

function openInline(s: State, tag: SaxesTagNS) {
  const flow = s.flow!;
  const here = flow.stack.at(-1)!;
  const inXliff = tag.uri === NS[s.version!];
  const attrs = Object.fromEntries(Object.values(tag.attributes).map((a) => [a.local, a.value]));
  if (inXliff && (tag.local === "g" || tag.local === "pc")) {
    const span: Span = {
      kind: "span",
      id: idOf(attrs.id),
      mark: { type: markTypeOf(attrs) ?? "unknown" },
      children: [],
    };
    here.push(span);
    flow.stack.push(span.children);
    return;
  }
  const isBreak =
    (tag.local === "x" && attrs.ctype === "lb") ||
    (tag.local === "ph" && attrs.subType === "xlf:lb" && s.version === "2.0");
  if (inXliff && isBreak) return void here.push({ kind: "break", id: idOf(attrs.id) });
  if (inXliff && tag.local === "cp") return void pushText(s, codePoint(attrs.hex));
  if (inXliff && tag.local === "mrk") return void flow.stack.push(here); // transparent
  if (!inXliff || SKIP_CONTENT.has(tag.local)) s.skip++;
  // other empty codes (bx, ex, sc, ec, sm, em, x, ph of 2.0) carry no text: ignored
}

function onClose(s: State, tag: SaxesTagNS) {
  s.depth--;
  if (s.skip) return void s.skip--;
  if (tag.uri === NS.mda && tag.local === "meta") return closeMeta(s);
  const flow = s.flow;
  if (flow && tag.uri === NS[s.version!]) {
    if (tag.local === "g" || tag.local === "pc" || tag.local === "mrk") return void flow.stack.pop();
    if (tag.local === flow.kind) return closeFlow(s);
    return;
  }
  if (!s.unit || tag.uri !== NS[s.version!]) return;
  if (tag.local === "segment" && s.unit.state === null) s.unit.state = s.segmentState;
  if (tag.local === "trans-unit" || tag.local === "unit") {
    s.units.push(s.unit);
    s.unit = null;
  }
}

function closeFlow(s: State) {
  const flow = s.flow!;
  const unit = s.unit!;
  const content = flow.stack[0]!;
  if (flow.kind === "source") unit.source.push(...content);
  else if (flow.kind === "target") (unit.target ??= []).push(...content);
  else {
    unit.source.push(...content);
    if (unit.target) unit.target.push(...content);
  }
  s.flow = null;
}

function closeMeta(s: State) {
  if (s.meta === "release") s.releaseId = s.metaText.trim();
  if (s.meta === "source-fingerprint") s.sourceFingerprint = s.metaText.trim();
  s.meta = null;
  s.metaText = "";
}

function onText(s: State, text: string) {
  if (s.skip) return;
  if (s.meta) s.metaText += text;
  else if (s.flow) pushText(s, text);
}

function pushText(s: State, text: string) {
  const flow = s.flow!;
  if (!text) return;
  flow.chars += text.length;
  if (flow.chars > MAX_UNIT_CHARS) throw new XliffError("xliff_malformed", { detail: "unit too long" });
  const here = flow.stack.at(-1)!;
  const last = here.at(-1);
  if (last?.kind === "text") last.text += text;
  else here.push({ kind: "text", text });
}

const idOf = (id: string | undefined) => (id && /^\d{1,6}$/.test(id) ? Number(id) : -1);

function codePoint(hex: string | undefined): string {
  const cp = hex && /^[0-9a-fA-F]{1,6}$/.test(hex) ? parseInt(hex, 16) : -1;
  const ok =
    cp === 0x9 ||
    cp === 0xa ||
    cp === 0xd ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0x10ffff && cp !== 0xfffe && cp !== 0xffff);
  return ok ? String.fromCodePoint(cp) : "";
}
