// The allow-list for stored rich text (tiptap JSON), independent of how it is emitted: RichText
// turns the tree into React elements for pages, renderSafeHtml into an HTML string for feeds and
// the API. Unknown nodes keep only their text, unknown marks are dropped, attributes are never
// copied from the document (only safe link hrefs, safe-href.ts), links must be http(s), mailto or
// site-relative, and off-site ones get rel="noopener noreferrer".
// Images render only when their src is one of our media URLs; src and srcset are rebuilt from the
// media id, width/height must be sane integers, the alt text is escaped like all text.
import { ALT_MAX, mediaSrcset, mediaUrl, parseMediaSrc, pixelSize } from "@/domain/media/urls";
import type { DocNode } from "@/domain/release/content";
import { isOffSite, safeHref } from "./safe-href";

export { safeHref };

export type SafeTag =
  | "p"
  | "h2"
  | "h3"
  | "h4"
  | "ul"
  | "ol"
  | "li"
  | "blockquote"
  | "br"
  | "hr"
  | "pre"
  | "code"
  | "strong"
  | "em"
  | "u"
  | "s"
  | "a"
  | "span"
  | "img";
export type SafeNode = string | { tag: SafeTag; attrs?: Record<string, string>; children: SafeNode[] };

const el = (tag: SafeTag, children: SafeNode[] = []): SafeNode => ({ tag, children });

const MARKS: Record<string, SafeTag> = { bold: "strong", italic: "em", underline: "u", strike: "s", code: "code" };
const BLOCKS: Record<string, SafeTag> = {
  paragraph: "p",
  bulletList: "ul",
  orderedList: "ol",
  listItem: "li",
  blockquote: "blockquote",
};

function withMarks(node: DocNode): SafeNode {
  let out: SafeNode = node.text ?? "";
  for (const mark of node.marks ?? []) {
    const tag = MARKS[mark.type];
    if (tag) out = el(tag, [out]);
    else if (mark.type === "link") {
      const href = safeHref(mark.attrs?.href);
      if (href)
        out = { tag: "a", attrs: isOffSite(href) ? { href, rel: "noopener noreferrer" } : { href }, children: [out] };
    }
  }
  return out;
}

function headingTag(attrs: DocNode["attrs"]): SafeTag {
  const level = Number(attrs?.level);
  return level === 3 || level === 4 ? `h${level}` : "h2"; // h1 is the article title
}

/** The column width of article bodies (site.css), for the browser's choice among the variants. */
const IMAGE_SIZES = "(max-width: 48rem) 100vw, 48rem";

function safeImage(attrs: DocNode["attrs"]): SafeNode | null {
  const media = parseMediaSrc(attrs?.src);
  const width = pixelSize(attrs?.width);
  const height = pixelSize(attrs?.height);
  if (!media || !width || !height) return null;
  const alt = typeof attrs?.alt === "string" ? attrs.alt.slice(0, ALT_MAX) : "";
  return {
    tag: "img",
    attrs: {
      src: mediaUrl(media.id, media.file),
      alt,
      width: String(width),
      height: String(height),
      loading: "lazy",
      decoding: "async",
      srcset: mediaSrcset(media.id, media.file, width),
      sizes: IMAGE_SIZES,
    },
    children: [],
  };
}

function toSafe(node: DocNode): SafeNode | null {
  const children = (node.content ?? []).map(toSafe).filter((n): n is SafeNode => n !== null);
  const block = BLOCKS[node.type];
  if (block) return el(block, children);
  switch (node.type) {
    case "text":
      return node.marks?.length ? withMarks(node) : (node.text ?? "");
    case "heading":
      return el(headingTag(node.attrs), children);
    case "hardBreak":
      return el("br");
    case "horizontalRule":
      return el("hr");
    case "image":
      return safeImage(node.attrs);
    case "codeBlock":
      return el("pre", [el("code", children)]);
    default:
      return children.length ? el("span", children) : null;
  }
}

/** The document's allowed structure. */
export function toSafeTree(doc: DocNode): SafeNode[] {
  return (doc.content ?? []).map(toSafe).filter((n): n is SafeNode => n !== null);
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
const VOID = new Set<SafeTag>(["br", "hr", "img"]);

function nodeHtml(node: SafeNode): string {
  if (typeof node === "string") return escapeHtml(node);
  const attrs = node.attrs
    ? Object.entries(node.attrs)
        .map(([k, v]) => ` ${k}="${escapeHtml(v)}"`)
        .join("")
    : "";
  if (VOID.has(node.tag)) return `<${node.tag}${attrs}>`;
  return `<${node.tag}${attrs}>${node.children.map(nodeHtml).join("")}</${node.tag}>`;
}

/** The document as an HTML fragment: every text and attribute escaped, only allow-listed tags. */
export function renderSafeHtml(doc: DocNode): string {
  return toSafeTree(doc).map(nodeHtml).join("");
}
