"use client";
import { useTranslation } from "react-i18next";
import type { DiffPart } from "@/domain/release/diff";

/** What changed in the Chinese since the translation was made, paragraph by paragraph. */
export function SourceDiff({ parts }: { parts: DiffPart[] }) {
  const { t } = useTranslation("admin");
  return (
    <section className="panel outdated" aria-labelledby="source-diff-heading">
      <h2 id="source-diff-heading">{t("translate.outdatedTitle")}</h2>
      <p>{t("translate.outdatedExplain")}</p>
      <DiffList parts={parts} lang="zh-CN" />
    </section>
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
