import { createElement, type ReactNode } from "react";
import type { DocNode } from "@/domain/release/content";
import { toSafeTree, type SafeNode } from "./safe-html";

// Renders a tiptap document as React elements through the allow-list in safe-html.ts.
// React escapes all text, so no stored string ever becomes markup.
export { safeHref } from "./safe-html";

function toReact(node: SafeNode, key: number): ReactNode {
  if (typeof node === "string") return node;
  const children = node.children.length ? node.children.map(toReact) : undefined;
  return createElement(node.tag, { key, ...node.attrs }, children);
}

export function RichText({ doc }: { doc: DocNode }) {
  return <>{toSafeTree(doc).map(toReact)}</>;
}
