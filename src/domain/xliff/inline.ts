// Inline content of one translation unit: text, formatting spans (bold, italic, underline, strike,
// code, link) and line breaks, as a tree, the shape XLIFF's <g>/<pc> and <x>/<ph> elements have.
// Built from a tiptap block and turned back into tiptap inline nodes. Pure.
import type { DocNode } from "../release/content";

export type MarkType = "link" | "bold" | "italic" | "underline" | "strike" | "code";
/** Outermost first: a link around bold text, not bold around a link. */
export const MARK_ORDER: readonly MarkType[] = ["link", "bold", "italic", "underline", "strike", "code"];

export interface DocMark {
  type: string;
  attrs?: Record<string, unknown>;
}

export type Inline =
  | { kind: "text"; text: string }
  | { kind: "span"; id: number; mark: DocMark; children: Inline[] }
  | { kind: "break"; id: number };

const known = (m: DocMark): m is DocMark & { type: MarkType } => (MARK_ORDER as readonly string[]).includes(m.type);
const rank = (m: DocMark) => MARK_ORDER.indexOf(m.type as MarkType);
const sameMark = (a: DocMark, b: DocMark) => a.type === b.type && (a.attrs?.href ?? null) === (b.attrs?.href ?? null);

/** The inline tree of a text block's content; ids number spans and breaks from 1 in order. */
export function toInline(content: readonly DocNode[]): Inline[] {
  const root: Inline[] = [];
  const open: { mark: DocMark; children: Inline[] }[] = [];
  let nextId = 1;
  const current = () => open.at(-1)?.children ?? root;
  for (const node of content) {
    if (node.type === "hardBreak") {
      current().push({ kind: "break", id: nextId++ });
      continue;
    }
    if (node.type !== "text" || !node.text) continue;
    const marks = (node.marks ?? []).filter(known).sort((a, b) => rank(a) - rank(b));
    let keep = 0;
    while (keep < open.length && keep < marks.length && sameMark(open[keep]!.mark, marks[keep]!)) keep++;
    open.length = keep;
    for (const mark of marks.slice(keep)) {
      const span: Inline = { kind: "span", id: nextId++, mark, children: [] };
      current().push(span);
      open.push(span);
    }
    const here = current();
    const last = here.at(-1);
    if (last?.kind === "text") last.text += node.text;
    else here.push({ kind: "text", text: node.text });
  }
  return root;
}

/** tiptap inline nodes for a tree (marks as the spans carry them). */
export function fromInline(tree: readonly Inline[], marks: DocMark[] = []): DocNode[] {
  const out: DocNode[] = [];
  for (const node of tree) {
    if (node.kind === "break") out.push({ type: "hardBreak" });
    else if (node.kind === "span") out.push(...fromInline(node.children, [...marks, node.mark]));
    else if (node.text)
      out.push(marks.length ? { type: "text", text: node.text, marks } : { type: "text", text: node.text });
  }
  return out;
}

/** The plain text of a tree (breaks as newlines). */
export function inlineText(tree: readonly Inline[]): string {
  return tree.map((n) => (n.kind === "text" ? n.text : n.kind === "break" ? "\n" : inlineText(n.children))).join("");
}

/**
 * What must not change between export and import: the text (spaces collapsed) and where each
 * kind of span and break sits. Ids and link targets are not part of it.
 */
export function inlineSignature(tree: readonly Inline[]): string {
  const walk = (nodes: readonly Inline[]): string =>
    nodes
      .map((n) =>
        n.kind === "text"
          ? n.text
          : n.kind === "break"
            ? "\u0001br\u0001"
            : `\u0001${n.mark.type}\u0002${walk(n.children)}\u0003`,
      )
      .join("");
  return walk(tree).replace(/\s+/g, " ").trim();
}

/** Every span and break by id: a target's inline elements refer to the source's by id. */
export function inlineCodes(tree: readonly Inline[]): Map<number, Inline> {
  const codes = new Map<number, Inline>();
  const walk = (nodes: readonly Inline[]) => {
    for (const n of nodes) {
      if (n.kind !== "text") codes.set(n.id, n);
      if (n.kind === "span") walk(n.children);
    }
  };
  walk(tree);
  return codes;
}

const sameKind = (a: DocMark, b: DocMark) => a.type === b.type && (a.attrs?.href ?? null) === (b.attrs?.href ?? null);

/**
 * A target tree (e.g. the existing English) with its span and break ids renumbered to refer to the
 * source's codes where one of the same kind is free, so a CAT tool shows them as the same tags;
 * others get ids after the source's.
 */
export function alignCodes(source: readonly Inline[], target: readonly Inline[]): Inline[] {
  const free = [...inlineCodes(source).values()];
  let next = Math.max(0, ...free.map((c) => (c.kind === "text" ? 0 : c.id))) + 1;
  const take = (n: Inline) => {
    const at = free.findIndex((c) =>
      n.kind === "break" ? c.kind === "break" : c.kind === "span" && n.kind === "span" && sameKind(c.mark, n.mark),
    );
    if (at < 0) return next++;
    const [code] = free.splice(at, 1);
    return code!.kind === "text" ? next++ : code!.id;
  };
  const walk = (nodes: readonly Inline[]): Inline[] =>
    nodes.map((n) => {
      if (n.kind === "text") return n;
      if (n.kind === "break") return { kind: "break", id: take(n) };
      return { kind: "span", id: take(n), mark: n.mark, children: walk(n.children) };
    });
  return walk(target);
}

/**
 * A target as read from a file, made safe to store: a span takes its mark from the source code
 * with its id (so links keep the source's href); an unknown id keeps bold/italic/… by kind, and a
 * link the source does not have becomes plain text.
 */
export function resolveCodes(source: readonly Inline[], target: readonly Inline[]): Inline[] {
  const codes = inlineCodes(source);
  const walk = (nodes: readonly Inline[]): Inline[] =>
    nodes.flatMap((n): Inline[] => {
      if (n.kind !== "span") return [n];
      const code = codes.get(n.id);
      if (code?.kind === "span" && code.mark.type === n.mark.type)
        return [{ ...n, mark: code.mark, children: walk(n.children) }];
      if (code?.kind === "span" && n.mark.type === "unknown")
        return [{ ...n, mark: code.mark, children: walk(n.children) }];
      if (MARK_ORDER.includes(n.mark.type as MarkType) && n.mark.type !== "link") {
        return [{ ...n, mark: { type: n.mark.type }, children: walk(n.children) }];
      }
      return walk(n.children);
    });
  return walk(target);
}
