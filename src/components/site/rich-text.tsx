import { createElement, type ReactNode } from "react";
import type { DocNode } from "@/domain/release/content";
import { toSafeTree, type SafeNode } from "@/domain/release/safe-html";

// Renders a tiptap document as React elements through the allow-list in safe-html.ts.
// React escapes all text, so no stored string ever becomes markup.
export { safeHref } from "@/domain/release/safe-html";

// HTML attribute names React spells differently.
const REACT_NAMES: Record<string, string> = { srcset: "srcSet" };

function toReact(node: SafeNode, key: number): ReactNode {
  if (typeof node === "string") return node;
  const children = node.children.length ? node.children.map(toReact) : undefined;
  const attrs = Object.fromEntries(Object.entries(node.attrs ?? {}).map(([k, v]) => [REACT_NAMES[k] ?? k, v]));
  return createElement(node.tag, { key, ...attrs }, children);
}

export function RichText({ doc }: { doc: DocNode }) {
  return <>{toSafeTree(doc).map(toReact)}</>;
}
