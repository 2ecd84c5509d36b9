"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { saveTranslationAction } from "@/server/releases/actions";
import type { ContentValues } from "@/server/releases/action-results";
import { docBlocks, parseDoc } from "@/domain/release/content";
import type { SourceChange } from "@/domain/release/source-changes";
import { setBlockText } from "@/domain/release/insert";
import type { SegmentView } from "@/server/workbench/translate-data";
import { OriginalPanel } from "../workbench/original-panel";
import { TranslationCheck } from "../workbench/translation-check";
import { XliffPanel } from "../workbench/xliff-panel";
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
  segments,
}: {
  releaseId: string;
  version: number;
  original: ContentValues;
  /** the Chinese segments with glossary terms and memory matches */
  segments: SegmentView[];
  initial: TranslationValues;
  currentFingerprint: string;
  /** what changed in the Chinese since the translation was made; null when up to date */
  outdatedDiff: SourceChange[] | null;
  options: ActionOption[];
  canEdit: boolean;
}) {
  const { t } = useTranslation("admin");
  const router = useRouter();
  const [version, setVersion] = useState(initialVersion);
  const [dirty, setDirty] = useState(false);
  const [body, setBody] = useState(initial.body);
  const [apply, setApply] = useState<{ seq: number; update: (v: TranslationValues) => TranslationValues } | null>(null);
  const insert = (segmentId: string, target: string) =>
    setApply((prev) => ({
      seq: (prev?.seq ?? 0) + 1,
      update: (v) =>
        segmentId === "title"
          ? { ...v, title: target }
          : segmentId === "summary"
            ? { ...v, summary: target }
            : { ...v, body: setBlockText(v.body, Number(segmentId.replace("body-", "")) - 1, target) },
    }));
  const zhBlocks = docBlocks(parseDoc(original.body));
  const enBlocks = docBlocks(parseDoc(body));
  const rows = Array.from({ length: Math.max(zhBlocks.length, enBlocks.length) }, (_, i) => i);
  return (
    <div className="stack">
      {outdatedDiff && <SourceDiff changes={outdatedDiff} />}
      <div className="side-by-side">
        <OriginalPanel segments={segments} onInsert={insert} canInsert={canEdit} />
        <section aria-labelledby="translation-heading" className="panel">
          <h2 id="translation-heading">{t("translate.translation")}</h2>
          <ContentEditor<TranslationValues>
            lang="en"
            draftKey={`${releaseId}:en`}
            initial={initial}
            baseVersion={version}
            onVersionChange={setVersion}
            onDirtyChange={setDirty}
            readOnly={!canEdit}
            apply={apply}
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
          confirmExtra={{ markTranslated: <TranslationCheck releaseId={releaseId} /> }}
        />
      )}
      <XliffPanel releaseId={releaseId} canImport={canEdit} blocked={dirty} />
    </div>
  );
}
