"use client";
import { Fragment } from "react";
import { useTranslation } from "react-i18next";
import type { SegmentView } from "@/server/workbench/translate-data";

/** A Chinese segment with its glossary terms marked, each followed by its approved English. */
export function MarkedText({ text, terms }: Pick<SegmentView, "text" | "terms">) {
  const { t } = useTranslation("admin");
  const out: React.ReactNode[] = [];
  let at = 0;
  terms.forEach((term, i) => {
    if (term.start > at) out.push(text.slice(at, term.start));
    const english = term.approved.join(" / ");
    out.push(
      <Fragment key={i}>
        <mark className="term" title={term.note || undefined}>
          {text.slice(term.start, term.end)}
        </mark>
        <span className="term-gloss" lang="en">
          <span className="visually-hidden">{t("workbench.terms.approved")} </span>({english})
        </span>
      </Fragment>,
    );
    at = term.end;
  });
  out.push(text.slice(at));
  return <>{out}</>;
}

/** The best memory matches of a segment; "Insert" puts the English into the editor. */
export function TmMatches({
  segment,
  label,
  onInsert,
  disabled,
}: {
  segment: SegmentView;
  label: string;
  onInsert: (target: string) => void;
  disabled: boolean;
}) {
  const { t } = useTranslation("admin");
  if (segment.matches.length === 0) return null;
  return (
    <div className="tm-matches" role="group" aria-label={t("workbench.matches.label", { segment: label })}>
      <ol>
        {segment.matches.map((m) => (
          <li key={m.unitId}>
            <p>
              <span className={m.score === 100 ? "tm-score exact" : "tm-score"}>
                {m.score === 100 ? t("workbench.matches.exact") : t("workbench.matches.fuzzy", { score: m.score })}
              </span>
              <span className="tm-source" lang="zh-CN">
                {m.source.map((p, i) =>
                  p.kind === "same" ? (
                    <span key={i}>{p.text}</span>
                  ) : p.kind === "added" ? (
                    <mark key={i}>
                      <span className="visually-hidden">{t("workbench.matches.differs")} </span>
                      {p.text}
                    </mark>
                  ) : (
                    <del key={i}>
                      <span className="visually-hidden">{t("workbench.matches.missing")} </span>
                      {p.text}
                    </del>
                  ),
                )}
              </span>
            </p>
            <p lang="en">{m.target}</p>
            <button
              type="button"
              className="secondary"
              disabled={disabled}
              onClick={() => onInsert(m.target)}
              aria-label={t("workbench.matches.insertLabel", { score: m.score, segment: label })}
            >
              {t("workbench.matches.insert")}
            </button>
          </li>
        ))}
      </ol>
    </div>
  );
}
