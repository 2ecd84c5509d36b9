"use client";
import { useTranslation } from "react-i18next";
import type { CharPart } from "@/domain/release/char-diff";
import type { DiffPart } from "@/domain/release/diff";
import type { SourceChange } from "@/domain/release/source-changes";

/**
 * What changed in the Chinese since the translation was made: paragraphs kept, added and removed;
 * inside a changed paragraph the characters inserted and deleted, with the English that
 * translated the earlier version beside it.
 */
export function SourceDiff({ changes }: { changes: SourceChange[] }) {
  const { t } = useTranslation("admin");
  const name = (segment: number) =>
    segment === 0
      ? t("fields.title")
      : segment === 1
        ? t("fields.summary")
        : t("workbench.check.paragraph", { n: segment - 1 });
  return (
    <section className="panel outdated" aria-labelledby="source-diff-heading">
      <h2 id="source-diff-heading">{t("translate.outdatedTitle")}</h2>
      <p>{t("translate.outdatedExplain")}</p>
      <ol className="diff">
        {changes.map((c, i) => (
          <li key={i} className={`diff-${c.kind}`}>
            {c.kind === "same" ? (
              <span lang="zh-CN">{c.text}</span>
            ) : c.kind === "added" ? (
              <ins lang="zh-CN">
                <span className="visually-hidden">{t("diff.added")}: </span>
                {c.text}
              </ins>
            ) : c.kind === "removed" ? (
              <div className="diff-pair">
                <del lang="zh-CN">
                  <span className="visually-hidden">{t("diff.removed")}: </span>
                  {c.text}
                </del>
                <English text={c.english} />
              </div>
            ) : (
              <div
                className="diff-pair"
                role="group"
                aria-label={t("workbench.diff.changed", { segment: name(c.segment) })}
              >
                <p className="chardiff" lang="zh-CN">
                  {c.parts ? <CharDiff parts={c.parts} /> : <Whole before={c.before} after={c.after} />}
                </p>
                <English text={c.english} />
              </div>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

function CharDiff({ parts }: { parts: CharPart[] }) {
  const { t } = useTranslation("admin");
  return parts.map((p, i) =>
    p.kind === "same" ? (
      <span key={i}>{p.text}</span>
    ) : p.kind === "added" ? (
      <ins key={i}>
        <span className="visually-hidden">{t("diff.added")}: </span>
        {p.text}
      </ins>
    ) : (
      <del key={i}>
        <span className="visually-hidden">{t("diff.removed")}: </span>
        {p.text}
      </del>
    ),
  );
}

/** Too long or too different to mark character by character (the diff's work is bounded). */
function Whole({ before, after }: { before: string; after: string }) {
  return (
    <CharDiff
      parts={[
        { kind: "removed", text: before },
        { kind: "added", text: after },
      ]}
    />
  );
}

function English({ text }: { text: string | null }) {
  const { t } = useTranslation("admin");
  return (
    <p className="hint">
      <span className="label">{t("workbench.diff.english")} </span>
      {text ? <span lang="en">{text}</span> : t("workbench.diff.noEnglish")}
    </p>
  );
}

/** `exact` false: the diff hit its bounds (src/domain/release/diff.ts) and part of it is one block. */
export function DiffList({ parts, lang, exact = true }: { parts: DiffPart[]; lang?: string; exact?: boolean }) {
  const { t } = useTranslation("admin");
  return (
    <>
      {!exact && <p className="hint">{t("diff.coarse")}</p>}
      <DiffItems parts={parts} lang={lang} />
    </>
  );
}

function DiffItems({ parts, lang }: { parts: DiffPart[]; lang?: string }) {
  const { t } = useTranslation("admin");
  return (
    <ol className="diff" lang={lang}>
      {parts.map((part, i) => (
        <li key={i} className={`diff-${part.kind}`}>
          {part.kind === "same" ? (
            <span>{part.text}</span>
          ) : part.kind === "added" ? (
            <ins>
              <span className="visually-hidden">{t("diff.added")}: </span>
              {part.text}
            </ins>
          ) : (
            <del>
              <span className="visually-hidden">{t("diff.removed")}: </span>
              {part.text}
            </del>
          )}
        </li>
      ))}
    </ol>
  );
}
