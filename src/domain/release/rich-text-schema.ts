// The rich-text editor's schema, shared: the editor (src/components/editor/rich-text-editor.tsx)
// is built from `editorExtensions`, and every save and import checks a document against the
// ProseMirror schema derived from the same list (`checkDoc`). So the server stores only what the
// editor can show: no unknown node (it would empty the body in the editor, then a save loses it), no
// text outside paragraphs (shown publicly but missing from diffs, search and the translator's panel).
import { getSchema, type Extensions } from "@tiptap/core";
import Image from "@tiptap/extension-image";
import StarterKit from "@tiptap/starter-kit";
import type { Mark, Node as PmNode, NodeType, MarkType, Schema } from "@tiptap/pm/model";
import { ALT_MAX, parseMediaSrc, pixelSize } from "@/domain/media/urls";
import type { DocNode } from "./content";
import { HREF_MAX, safeHref } from "./safe-href";

export const HEADING_LEVELS = [2, 3, 4] as const;

export const editorExtensions: Extensions = [
  StarterKit.configure({
    heading: { levels: [...HEADING_LEVELS] },
    code: false,
    codeBlock: false,
    link: { openOnClick: false, autolink: true, isAllowedUri: (url) => safeHref(url) !== null },
  }),
  // Pasted images survive only when they are already ours.
  Image.extend({ parseHTML: () => [{ tag: 'img[src^="/media/"]' }] }).configure({ inline: false, allowBase64: false }),
];

let schema: Schema | undefined;
export const richTextSchema = (): Schema => (schema ??= getSchema(editorExtensions));

/** What is wrong and where: `item` names the node, mark or attribute; `block` is the top-level block (1-based). */
export interface DocProblem {
  item: string;
  block: number;
}

const optionalText = (max: number) => (v: unknown) =>
  v === null || v === undefined || (typeof v === "string" && v.length <= max);
const intIn = (min: number, max: number) => (v: unknown) =>
  Number.isInteger(v) && (v as number) >= min && (v as number) <= max;

// Attribute values the schema itself does not constrain (tiptap attributes accept anything).
const ATTR_RULES: Record<string, Record<string, (v: unknown) => boolean>> = {
  heading: { level: (v) => (HEADING_LEVELS as readonly unknown[]).includes(v) },
  orderedList: {
    start: intIn(0, 1_000_000),
    type: (v) => v === null || v === undefined || (typeof v === "string" && /^[1aAiI]$/.test(v)),
  },
  image: {
    src: (v) => parseMediaSrc(v) !== null,
    alt: optionalText(ALT_MAX),
    title: optionalText(ALT_MAX),
    width: (v) => v === null || v === undefined || pixelSize(v) !== null,
    height: (v) => v === null || v === undefined || pixelSize(v) !== null,
  },
  link: {
    href: (v) => typeof v === "string" && v.length <= HREF_MAX && safeHref(v) !== null,
    target: (v) => v === null || v === undefined || v === "_blank",
    rel: optionalText(100),
    class: optionalText(100),
    title: optionalText(300),
  },
};

class Refused extends Error {
  constructor(readonly item: string) {
    super(item);
  }
}

function checkAttrs(type: NodeType | MarkType, attrs: Record<string, unknown> | undefined) {
  const rules = ATTR_RULES[type.name] ?? {};
  const known = type.spec.attrs ?? {};
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (!Object.hasOwn(known, name)) throw new Refused(`${type.name} ${name}`);
    if (rules[name] && !rules[name](value)) throw new Refused(`${type.name} ${name}=${String(value).slice(0, 60)}`);
  }
  // A missing attribute takes the schema's default, which must pass too (a heading defaults to level 1).
  for (const [name, rule] of Object.entries(rules)) {
    if (attrs?.[name] === undefined && !rule(known[name]?.default)) throw new Refused(`${type.name} ${name}`);
  }
}

function buildMarks(s: Schema, json: DocNode): readonly Mark[] {
  let set: readonly Mark[] = [];
  for (const m of json.marks ?? []) {
    const type = s.marks[m.type];
    if (!type) throw new Refused(m.type);
    checkAttrs(type, m.attrs);
    const mark = type.create(m.attrs);
    if (mark.isInSet(set)) throw new Refused(m.type);
    set = mark.addToSet(set);
  }
  return set;
}

function build(s: Schema, json: DocNode, top: boolean): PmNode {
  const type = s.nodes[json.type];
  if (!type || (type === s.topNodeType) !== top) throw new Refused(json.type);
  checkAttrs(type, json.attrs);
  const marks = buildMarks(s, json);
  if (type.isText) {
    if (typeof json.text !== "string" || json.text === "" || json.content) throw new Refused("text");
    return s.text(json.text, marks);
  }
  if (json.text !== undefined) throw new Refused(json.type);
  const node = type.create(
    json.attrs,
    (json.content ?? []).map((c) => build(s, c, false)),
    marks,
  );
  // Content expressions ("listItem+", "paragraph block*", …) and the marks each child may carry.
  if (!type.validContent(node.content)) throw new Refused(json.type);
  return node;
}

/** null when the document is one the editor can hold; otherwise the first problem found. */
export function checkDoc(doc: DocNode): DocProblem | null {
  const s = richTextSchema();
  if (doc.type !== "doc" || doc.attrs || doc.marks || doc.text !== undefined) return { item: doc.type, block: 0 };
  const blocks = doc.content ?? [];
  // An empty body is stored as a doc without blocks; the editor fills in an empty paragraph.
  for (let i = 0; i < blocks.length; i++) {
    try {
      const node = build(s, blocks[i]!, false);
      if (!s.topNodeType.contentMatch.matchType(node.type)) return { item: node.type.name, block: i + 1 };
    } catch (error) {
      if (error instanceof Refused) return { item: error.item, block: i + 1 };
      return { item: blocks[i]!.type, block: i + 1 };
    }
  }
  return null;
}
