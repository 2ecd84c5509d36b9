// Putting a translation memory match into the English document: it replaces the text of the
// English paragraph at the same position (what the translate page aligns with the Chinese one), or
// becomes a new last paragraph when the English is shorter. Pure; the editor can undo it.
import { parseDoc, type DocNode } from "./content";

const TEXT_BLOCKS = new Set(["paragraph", "heading", "codeBlock"]);
const isFilled = (n: DocNode) =>
  (n.content ?? []).some((c) => (c.type === "text" && c.text?.trim()) || c.type === "hardBreak");

export function setBlockText(bodyJson: string, index: number, text: string): string {
  const doc = structuredClone(parseDoc(bodyJson));
  let seen = 0;
  let done = false;
  const walk = (node: DocNode) => {
    if (done) return;
    if (TEXT_BLOCKS.has(node.type)) {
      if (!isFilled(node)) return;
      if (seen++ === index) {
        node.content = [{ type: "text", text }];
        done = true;
      }
      return;
    }
    (node.content ?? []).forEach(walk);
  };
  walk(doc);
  if (!done) {
    const content = (doc.content ?? []).filter(
      (n, i, all) => !(i === all.length - 1 && n.type === "paragraph" && !isFilled(n)),
    );
    doc.content = [...content, { type: "paragraph", content: [{ type: "text", text }] }];
  }
  return JSON.stringify(doc);
}
