// The text of one generated release in one language, in the shapes the app stores: a tiptap
// document, its plain text (as docToPlainText makes it) and the content fingerprint.
import type { Doc } from "../../src/domain/release/content";
import { contentFingerprint } from "../../src/server/releases/fingerprint";
import { enText } from "./en-text";
import { between, type Random } from "./random";
import { zhText } from "./zh-text";

export interface LangText {
  title: string;
  summary: string;
  /** serialized tiptap document */
  body: string;
  bodyText: string;
  fingerprint: string;
}

export interface TextSource {
  zh: (paragraphs?: number) => LangText;
  en: () => LangText;
  zhParagraph: () => string;
}

export function toLangText(title: string, summary: string, paragraphs: string[]): LangText {
  const doc: Doc = {
    type: "doc",
    content: paragraphs.map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })),
  };
  const body = JSON.stringify(doc);
  return {
    title,
    summary,
    body,
    bodyText: paragraphs.join("\n\n"),
    fingerprint: contentFingerprint({ title, summary, body }),
  };
}

export function textSource(random: Random): TextSource {
  const zh = zhText(random);
  const en = enText(random);
  const paragraphs = (make: () => string, n: number) => Array.from({ length: n }, make);
  return {
    zh: (n = between(random, 3, 7)) => toLangText(zh.title(), `${zh.sentence(40, 100)}。`, paragraphs(zh.paragraph, n)),
    en: () => toLangText(en.title(), `${en.sentence(20, 40)}.`, paragraphs(en.paragraph, between(random, 3, 7))),
    zhParagraph: zh.paragraph,
  };
}
