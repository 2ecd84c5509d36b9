"use client";
import { useTranslation } from "react-i18next";
import type { SegmentView } from "@/server/workbench/translate-data";
import { MarkedText, TmMatches } from "./source-segment";
import { useSegmentLabel } from "./translation-check";

/**
 * The Chinese original, read-only, segment by segment: glossary terms marked with their approved
 * English, and under each segment the translation memory's best matches, ready to insert.
 */
export function OriginalPanel({
  segments,
  onInsert,
  canInsert,
}: {
  segments: SegmentView[];
  onInsert: (segmentId: string, target: string) => void;
  canInsert: boolean;
}) {
  const { t } = useTranslation("admin");
  const label = useSegmentLabel();
  const [title, summary, ...blocks] = segments;
  const matches = (s: SegmentView) => (
    <TmMatches segment={s} label={label(s.id)} onInsert={(target) => onInsert(s.id, target)} disabled={!canInsert} />
  );
  return (
    <section aria-labelledby="original-heading" lang="zh-CN" className="panel original">
      <h2 id="original-heading">{t("translate.original")}</h2>
      {title && (
        <>
          <h3>
            <MarkedText text={title.text} terms={title.terms} />
          </h3>
          {matches(title)}
        </>
      )}
      {summary && summary.text && (
        <>
          <p className="summary">
            <MarkedText text={summary.text} terms={summary.terms} />
          </p>
          {matches(summary)}
        </>
      )}
      <ol className="paragraphs">
        {blocks.map((b) => (
          <li key={b.id}>
            <MarkedText text={b.text} terms={b.terms} />
            {matches(b)}
          </li>
        ))}
      </ol>
    </section>
  );
}
