"use client";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Problem } from "@/domain/check/check";
import { checkTranslationAction } from "@/server/check/actions";

type Loaded = { problems: Problem[]; blocking: boolean } | { error: string } | null;

/** "Title", "Summary", "Paragraph 3": how a segment id reads. */
export function useSegmentLabel(): (segment: string) => string {
  const { t } = useTranslation("admin");
  return (segment) =>
    segment === "title"
      ? t("fields.title")
      : segment === "summary"
        ? t("fields.summary")
        : t("workbench.check.paragraph", { n: Number(segment.replace("body-", "")) });
}

/** Shown in the confirmation step of "Mark as translated": what the check found, per segment. */
export function TranslationCheck({ releaseId }: { releaseId: string }) {
  const { t } = useTranslation(["admin", "errors"]);
  const label = useSegmentLabel();
  const [result, setResult] = useState<Loaded>(null);
  useEffect(() => {
    let live = true;
    void checkTranslationAction(releaseId).then((r) => live && setResult(r.ok ? r.value : { error: r.code }));
    return () => void (live = false);
  }, [releaseId]);
  if (!result) return <p aria-busy="true">{t("workbench.check.running")}</p>;
  if ("error" in result) return <p className="form-error">{t(result.error, { ns: "errors" })}</p>;
  if (result.problems.length === 0) return <p className="check-ok">{t("workbench.check.none")}</p>;
  return (
    <section aria-labelledby="check-h" className="check">
      <h3 id="check-h">{t("workbench.check.title", { count: result.problems.length })}</h3>
      <ul className="check-list">
        {result.problems.map((p, i) => (
          <li key={i}>
            <strong>{label(p.segment)}:</strong>{" "}
            {t(`workbench.check.kind.${p.kind}`, { zh: p.zh ?? "", en: (p.en ?? []).join(" / ") })}
          </li>
        ))}
      </ul>
      <p className={result.blocking ? "form-error" : "hint"}>
        {t(result.blocking ? "workbench.check.blocking" : "workbench.check.advisory")}
      </p>
    </section>
  );
}
