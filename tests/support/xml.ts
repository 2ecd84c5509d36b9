// A strict XML 1.0 parser for tests (saxes: well-formedness, namespaces, character rules), building
// a small tree to assert on. A document that a conforming reader would reject throws here.
import { SaxesParser } from "saxes";

export interface XmlNode {
  name: string;
  local: string;
  uri: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
}

export function parseXml(xml: string): XmlNode {
  const parser = new SaxesParser({ xmlns: true });
  const root: XmlNode = { name: "#document", local: "#document", uri: "", attrs: {}, children: [], text: "" };
  const stack = [root];
  parser.on("error", (e) => {
    throw e;
  });
  parser.on("opentag", (tag) => {
    const attrs = Object.fromEntries(Object.values(tag.attributes).map((a) => [a.name, a.value]));
    const node: XmlNode = {
      name: tag.name,
      local: tag.local ?? tag.name,
      uri: tag.uri ?? "",
      attrs,
      children: [],
      text: "",
    };
    stack.at(-1)!.children.push(node);
    stack.push(node);
  });
  parser.on("text", (t) => void (stack.at(-1)!.text += t));
  parser.on("cdata", (t) => void (stack.at(-1)!.text += t));
  parser.on("closetag", () => void stack.pop());
  parser.write(xml).close();
  const [doc] = root.children;
  if (!doc) throw new Error("no root element");
  return doc;
}

/** Every descendant (depth first) named `name` (qualified name as written, e.g. "content:encoded"). */
export function all(node: XmlNode, name: string): XmlNode[] {
  const out: XmlNode[] = [];
  const walk = (n: XmlNode) => {
    for (const c of n.children) {
      if (c.name === name) out.push(c);
      walk(c);
    }
  };
  walk(node);
  return out;
}

export const child = (node: XmlNode, name: string) => node.children.find((c) => c.name === name);
