// Converts a stored tiptap document (JSON text) to the Traditional edition: the text of text
// nodes and the alt and title of images, never marks, link targets or image sources (a URL
// with Chinese in it must keep working). Pure.
import type { Convert } from "./opencc";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
const TEXT_ATTRS = ["alt", "title"] as const;

function walk(node: Json, convert: Convert): Json {
  if (Array.isArray(node)) return node.map((n) => walk(n, convert));
  if (node === null || typeof node !== "object") return node;
  const out: { [key: string]: Json } = { ...node };
  if (node.type === "text" && typeof node.text === "string") out.text = convert(node.text);
  const attrs = node.attrs;
  if (node.type === "image" && attrs && typeof attrs === "object" && !Array.isArray(attrs)) {
    const copy = { ...attrs };
    for (const a of TEXT_ATTRS) if (typeof copy[a] === "string") copy[a] = convert(copy[a]);
    out.attrs = copy;
  }
  if (Array.isArray(node.content)) out.content = node.content.map((n) => walk(n, convert));
  return out;
}

/** The document with its readable text converted; text that is not JSON is returned unchanged. */
export function convertDocJson(json: string, convert: Convert): string {
  let parsed: Json;
  try {
    parsed = JSON.parse(json) as Json;
  } catch {
    return json;
  }
  return JSON.stringify(walk(parsed, convert));
}
