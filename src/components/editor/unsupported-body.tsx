"use client";
import { useTranslation } from "react-i18next";
import { docBlocks, textToDoc, type Doc } from "@/domain/release/content";
import type { DocProblem } from "@/domain/release/rich-text-schema";

// A stored body the editor's schema does not accept (saved before the server checked it). Loading
// it into tiptap would silently drop what the schema does not know, and the next save would lose
// it; so it is shown read-only, as text, until the user chooses to replace it with that text.

export function UnsupportedBody({
  doc,
  problem,
  onReplace,
}: {
  doc: Doc;
  problem: DocProblem;
  /** absent until the editor is ready (after hydration) */
  onReplace?: (doc: Doc) => void;
}) {
  const { t } = useTranslation("admin");
  const blocks = docBlocks(doc);
  return (
    <div className="panel notice" role="region" aria-label={t("editor.unsupportedTitle")}>
      <p className="form-error">{t("editor.unsupported", { ...problem })}</p>
      <div className="editor-frame">
        {blocks.map((text, i) => (
          <p key={i}>{text}</p>
        ))}
      </div>
      {onReplace && (
        <button type="button" className="secondary" onClick={() => onReplace(textToDoc(blocks.join("\n\n")))}>
          {t("editor.replaceWithText")}
        </button>
      )}
    </div>
  );
}
