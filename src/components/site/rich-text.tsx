import type { ReactNode } from "react";
import type { DocNode } from "@/domain/release/content";

// Renders a tiptap document as React elements through an allow-list: unknown nodes keep only
// their text, unknown marks are dropped, links must be http(s), mailto or site-relative.
// React escapes all text, so no stored string ever becomes markup.

const SAFE_HREF = /^(https?:\/\/|mailto:|\/(?!\/))/i;

export function safeHref(href: unknown): string | null {
  if (typeof href !== "string") return null;
  const trimmed = href.trim();
  // Control characters and whitespace inside a scheme are how "java\tscript:" slips through.
  if (/[\u0000-\u001f\u007f]/.test(trimmed)) return null;
  return SAFE_HREF.test(trimmed) ? trimmed : null;
}

const isExternal = (href: string) => /^https?:\/\//i.test(href);

function renderMarks(node: DocNode, key: number): ReactNode {
  let out: ReactNode = node.text ?? "";
  for (const mark of node.marks ?? []) {
    switch (mark.type) {
      case "bold":
        out = <strong>{out}</strong>;
        break;
      case "italic":
        out = <em>{out}</em>;
        break;
      case "underline":
        out = <u>{out}</u>;
        break;
      case "strike":
        out = <s>{out}</s>;
        break;
      case "code":
        out = <code>{out}</code>;
        break;
      case "link": {
        const href = safeHref(mark.attrs?.href);
        if (href) {
          out = isExternal(href) ? (
            <a href={href} rel="noopener noreferrer">
              {out}
            </a>
          ) : (
            <a href={href}>{out}</a>
          );
        }
        break;
      }
    }
  }
  return <span key={key}>{out}</span>;
}

function headingLevel(attrs: DocNode["attrs"]): 2 | 3 | 4 {
  const level = Number(attrs?.level);
  return level === 3 || level === 4 ? level : 2; // h1 is the article title
}

function renderNode(node: DocNode, key: number): ReactNode {
  const children = (node.content ?? []).map(renderNode);
  switch (node.type) {
    case "text":
      return node.marks?.length ? renderMarks(node, key) : node.text ?? "";
    case "paragraph":
      return <p key={key}>{children}</p>;
    case "heading": {
      const Tag = `h${headingLevel(node.attrs)}` as const;
      return <Tag key={key}>{children}</Tag>;
    }
    case "bulletList":
      return <ul key={key}>{children}</ul>;
    case "orderedList":
      return <ol key={key}>{children}</ol>;
    case "listItem":
      return <li key={key}>{children}</li>;
    case "blockquote":
      return <blockquote key={key}>{children}</blockquote>;
    case "hardBreak":
      return <br key={key} />;
    case "horizontalRule":
      return <hr key={key} />;
    case "codeBlock":
      return (
        <pre key={key}>
          <code>{children}</code>
        </pre>
      );
    default:
      return children.length ? <span key={key}>{children}</span> : null;
  }
}

export function RichText({ doc }: { doc: DocNode }) {
  return <>{(doc.content ?? []).map(renderNode)}</>;
}
