"use client";
import { useTranslation } from "react-i18next";
import type { ContentValues } from "@/server/releases/action-results";
import { docBlocks, parseDoc } from "@/domain/release/content";

/** Someone saved first: both texts side by side, and the user decides. Nothing is overwritten silently. */
export function ConflictView({
  mine,
  theirs,
  onKeepMine,
  onUseTheirs,
}: {
  mine: ContentValues;
  theirs: ContentValues | null;
  onKeepMine: () => void;
  onUseTheirs: () => void;
}) {
  const { t } = useTranslation("admin");
  return (
    <section className="panel conflict" aria-labelledby="conflict-title">
      <h2 id="conflict-title">{t("conflict.title")}</h2>
      <p>{t("conflict.explain")}</p>
      <div className="columns">
        <Version heading={t("conflict.theirs")} values={theirs} />
        <Version heading={t("conflict.mine")} values={mine} />
      </div>
      <p>
        <button type="button" onClick={onKeepMine}>
          {t("conflict.keepMine")}
        </button>{" "}
        <button type="button" className="secondary" onClick={onUseTheirs} disabled={!theirs}>
          {t("conflict.useTheirs")}
        </button>
      </p>
    </section>
  );
}

function Version({ heading, values }: { heading: string; values: ContentValues | null }) {
  const { t } = useTranslation("admin");
  return (
    <div>
      <h3>{heading}</h3>
      {values && (
        <dl>
          <dt>{t("fields.title")}</dt>
          <dd>{values.title}</dd>
          <dt>{t("fields.summary")}</dt>
          <dd>{values.summary}</dd>
          <dt>{t("fields.slug")}</dt>
          <dd>{values.slug}</dd>
          <dt>{t("fields.body")}</dt>
          <dd>
            {docBlocks(parseDoc(values.body)).map((p, i) => (
              <p key={i}>{p}</p>
            ))}
          </dd>
        </dl>
      )}
    </div>
  );
}
