// A release's translation units (XLIFF's unit of exchange): title, summary, each text block of the
// body in reading order (the same blocks docBlocks() lists), and each image's alt text. Pure.
import { parseDoc, type DocNode } from "../release/content";
import { toInline, type Inline } from "./inline";

export type UnitKind = "title" | "summary" | "block" | "image";

export interface Unit {
  /** stable within a Chinese version: title, summary, body-1…, image-1… */
  id: string;
  kind: UnitKind;
  inline: Inline[];
}

const TEXT_BLOCKS = new Set(["paragraph", "heading", "codeBlock"]);
const plain = (text: string): Inline[] => (text ? [{ kind: "text", text }] : []);
const hasText = (node: DocNode) => (node.content ?? []).some((c) => (c.type === "text" && c.text?.trim()) || false);

/** Walks a body in reading order, calling `block` for each non-empty text block and `image` for each image. */
export function walkBody(
  node: DocNode,
  visit: { block: (node: DocNode, index: number) => void; image: (node: DocNode, index: number) => void },
  counters = { block: 0, image: 0 },
): void {
  if (TEXT_BLOCKS.has(node.type)) {
    if (hasText(node)) visit.block(node, ++counters.block);
    return;
  }
  if (node.type === "image") {
    visit.image(node, ++counters.image);
    return;
  }
  for (const child of node.content ?? []) walkBody(child, visit, counters);
}

export function releaseUnits(content: { title: string; summary: string; body: string }): Unit[] {
  const units: Unit[] = [];
  if (content.title.trim()) units.push({ id: "title", kind: "title", inline: plain(content.title.trim()) });
  if (content.summary.trim()) units.push({ id: "summary", kind: "summary", inline: plain(content.summary.trim()) });
  const images: Unit[] = [];
  walkBody(parseDoc(content.body), {
    block: (node, i) => units.push({ id: `body-${i}`, kind: "block", inline: toInline(node.content ?? []) }),
    image: (node, i) => {
      const alt = typeof node.attrs?.alt === "string" ? node.attrs.alt.trim() : "";
      if (alt) images.push({ id: `image-${i}`, kind: "image", inline: plain(alt) });
    },
  });
  return [...units, ...images];
}

/**
 * The English body for a Chinese one: the same structure (headings, lists, quotes, images), each
 * text block's content replaced by `inlineFor(body-N)` and each image's alt by `altFor(image-N)`.
 * A block with no content left is dropped, as the editor would.
 */
export function translatedBody(
  zhBody: string,
  inlineFor: (unitId: string) => DocNode[],
  altFor: (unitId: string, image: DocNode) => string,
): DocNode {
  const counters = { block: 0, image: 0 };
  const copy = (node: DocNode): DocNode | null => {
    if (TEXT_BLOCKS.has(node.type)) {
      if (!hasText(node)) return null;
      const content = inlineFor(`body-${++counters.block}`);
      return content.length ? { type: node.type, ...(node.attrs ? { attrs: node.attrs } : {}), content } : null;
    }
    if (node.type === "image") {
      return { type: "image", attrs: { ...node.attrs, alt: altFor(`image-${++counters.image}`, node) } };
    }
    if (!node.content) return node.type === "doc" ? { type: "doc", content: [] } : { ...node };
    const content = node.content.map(copy).filter((c): c is DocNode => c !== null);
    if (content.length === 0 && node.type !== "doc") return null;
    return { ...node, content };
  };
  return copy(parseDoc(zhBody)) ?? { type: "doc", content: [] };
}
