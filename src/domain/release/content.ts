// Release content: tiptap documents, their plain text, slugs. Pure; safe on server and client.
import { z } from "zod";

// No eval-compiled parsers: zod probes `new Function("")`, which the browser reports as a CSP
// violation (script-src has no 'unsafe-eval', docs/SECURITY.md). The interpreted path is fast enough.
z.config({ jitless: true });

export interface DocNode {
  type: string;
  text?: string;
  attrs?: Record<string, unknown>;
  marks?: { type: string; attrs?: Record<string, unknown> }[];
  content?: DocNode[];
}

export interface Doc extends DocNode {
  type: "doc";
}

const nodeSchema: z.ZodType<DocNode> = z.lazy(() =>
  z.object({
    type: z.string().max(40),
    text: z.string().optional(),
    attrs: z.record(z.string(), z.unknown()).optional(),
    marks: z
      .array(z.object({ type: z.string().max(40), attrs: z.record(z.string(), z.unknown()).optional() }))
      .optional(),
    content: z.array(nodeSchema).optional(),
  }),
);

/** Documents deeper than this are refused before validation (recursion would exhaust the stack). */
export const MAX_DOC_DEPTH = 64;

/** Nesting depth of a parsed JSON value, measured without recursion. */
export function jsonDepth(value: unknown): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (typeof v !== "object" || v === null) continue;
    max = Math.max(max, d);
    if (max > MAX_DOC_DEPTH) return max;
    for (const child of Object.values(v)) stack.push([child, d + 1]);
  }
  return max;
}

export const docSchema = z
  .unknown()
  .refine((v) => jsonDepth(v) <= MAX_DOC_DEPTH, "body_invalid")
  .pipe(z.object({ type: z.literal("doc"), content: z.array(nodeSchema).optional() }));

export const EMPTY_DOC: Doc = { type: "doc", content: [] };

export function parseDoc(json: string): Doc {
  try {
    const parsed = docSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : EMPTY_DOC;
  } catch {
    return EMPTY_DOC;
  }
}

function inlineText(node: DocNode): string {
  if (node.type === "text") return node.text ?? "";
  if (node.type === "hardBreak") return "\n";
  return (node.content ?? []).map(inlineText).join("");
}

const TEXT_BLOCKS = new Set(["paragraph", "heading", "codeBlock"]);

/** The text of each block (paragraph, heading, list item …) in reading order. */
export function docBlocks(doc: DocNode): string[] {
  const out: string[] = [];
  const walk = (node: DocNode) => {
    if (TEXT_BLOCKS.has(node.type)) {
      const text = inlineText(node).trim();
      if (text) out.push(text);
      return;
    }
    (node.content ?? []).forEach(walk);
  };
  walk(doc);
  return out;
}

export function docToPlainText(doc: DocNode): string {
  return docBlocks(doc).join("\n\n");
}

/** Plain text with blank lines between paragraphs → a tiptap document. */
export function textToDoc(text: string): Doc {
  const paragraphs = text
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, " ").trim())
    .filter(Boolean);
  return {
    type: "doc",
    content: paragraphs.map((p) => ({ type: "paragraph", content: [{ type: "text", text: p }] })),
  };
}

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_MAX = 100;

/** ASCII slug from a title; empty when the title has no Latin letters or digits (e.g. Chinese). */
export function slugify(title: string): string {
  return title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, SLUG_MAX)
    .replace(/-+$/g, "");
}
