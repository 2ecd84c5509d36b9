"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { saveTranslationAction } from "@/server/releases/actions";
import type { ContentValues } from "@/server/releases/action-results";
import { docBlocks, parseDoc } from "@/domain/release/content";
import type { DiffPart } from "@/domain/release/diff";
import { ContentEditor } from "./content-editor";
import { SourceDiff } from "./source-diff";
import { WorkflowPanel, type ActionOption } from "./workflow-panel";

interface TranslationValues extends ContentValues {
  sourceFingerprint: string;
}

/**
 * Side by side: the Chinese original (read-only) and the English editor, paragraphs aligned.
 * When the Chinese changed since translation, the diff is shown and the translation stays
 * outdated until the translator confirms it matches the current Chinese.
 */
export function TranslationWorkspace({
  releaseId,
  version: initialVersion,
  original,
  initial,
  currentFingerprint,
  outdatedDiff,
  options,
  canEdit,
}: {
  releaseId: string;
  version: number;
  original: ContentValues;
  initial: TranslationValues;
  currentFingerprint: string;
  /** paragraph diff of the Chinese since the translation was made; null when up to date */
  outdatedDiff: DiffPart[] | null;
  options: ActionOption[];
  canEdit: boolean;
}) {
  const { t } = useTranslation("admin");
  const router = useRouter();
  const [version, setVersion] = useState(initialVersion);
  const [dirty, setDirty] = useState(false);
  const [body, setBody] = useState(initial.body);
  const zhBlocks = docBlocks(parseDoc(original.body));
  const enBlocks = docBlocks(parseDoc(body));
  const rows = Array.from({ length: Math.max(zhBlocks.length, enBlocks.length) }, (_, i) => i);
  return (
    <div className="stack">
      {outdatedDiff && <SourceDiff parts={outdatedDiff} />}
      <div className="side-by-side">
        <section aria-labelledby="original-heading" lang="zh-CN" className="panel original">
          <h2 id="original-heading">{t("translate.original")}</h2>
          <h3>{original.title}</h3>
          <p className="summary">{original.summary}</p>
          <ol className="paragraphs">
            {zhBlocks.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ol>
        </section>
        <section aria-labelledby="translation-heading" className="panel">
          <h2 id="translation-heading">{t("translate.translation")}</h2>
          <ContentEditor<TranslationValues>
            lang="en"
            draftKey={`newsroom:draft:${releaseId}:en`}
            initial={initial}
            baseVersion={version}
            onVersionChange={setVersion}
            onDirtyChange={setDirty}
            readOnly={!canEdit}
            save={(values, base) => {
              setBody(values.body);
              return saveTranslationAction(releaseId, base, values);
            }}
            onSaved={() => router.refresh()}
            extra={(values, set) =>
              outdatedDiff ? (
                <p className="field checkbox">
                  <input
                    id="confirm-source"
                    type="checkbox"
                    checked={values.sourceFingerprint === currentFingerprint}
                    onChange={(e) =>
                      set("sourceFingerprint", e.target.checked ? currentFingerprint : initial.sourceFingerprint)
                    }
                  />
                  <label htmlFor="confirm-source">{t("translate.confirmCurrent")}</label>
                </p>
              ) : null
            }
          />
        </section>
      </div>
      <section className="panel" aria-labelledby="alignment-heading">
        <h2 id="alignment-heading">{t("translate.alignment")}</h2>
        <table className="alignment">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t("translate.original")}</th>
              <th scope="col">{t("translate.translationSaved")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((i) => (
              <tr key={i}>
                <th scope="row">{i + 1}</th>
                <td lang="zh-CN">{zhBlocks[i] ?? ""}</td>
                <td lang="en">{enBlocks[i] ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {options.length > 0 && (
        <WorkflowPanel
          releaseId={releaseId}
          version={version}
          onVersionChange={setVersion}
          options={options}
          blocked={dirty}
        />
      )}
    </div>
  );
}
