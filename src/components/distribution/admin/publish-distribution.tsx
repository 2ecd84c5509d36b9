"use client";
import { useCallback, useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { DistributionChoice } from "@/domain/distribution/schemas";
import { previewRecipientsAction, publishOptionsAction } from "@/server/distribution/actions";

type Lists = { id: string; name: string; count: number }[];

/**
 * In the publish confirmation: who gets the release by email. Subscribers are ticked on a first
 * publication and not on a republication (a correction is not sent again unless asked); the number
 * of emails is counted on the server for the current choice.
 */
export function PublishDistribution({
  releaseId,
  embargoed,
  onChange,
}: {
  releaseId: string;
  embargoed: boolean;
  onChange: (choice: DistributionChoice) => void;
}) {
  const { t } = useTranslation("mail");
  const id = useId();
  const [lists, setLists] = useState<Lists | null>(null);
  const [choice, setChoice] = useState<DistributionChoice>({ subscribers: false, listIds: [], resend: false });
  // The count belongs to the choice it was computed for; a stale one is never shown.
  const [counted, setCounted] = useState<{ key: string; count: number } | null>(null);
  const key = JSON.stringify(choice);

  const update = useCallback(
    (next: DistributionChoice) => {
      setChoice(next);
      onChange(next);
    },
    [onChange],
  );

  useEffect(() => {
    void publishOptionsAction(releaseId).then((r) => {
      if (!r.ok) return;
      setLists(r.value.lists);
      update({ subscribers: !r.value.mailedBefore, listIds: [], resend: false });
    });
  }, [releaseId, update]);

  useEffect(() => {
    void previewRecipientsAction(releaseId, JSON.parse(key)).then(
      (r) => r.ok && setCounted({ key, count: r.value.count }),
    );
  }, [releaseId, key]);

  const count = counted?.key === key ? counted.count : null;
  const toggleList = (listId: string, on: boolean) =>
    update({ ...choice, listIds: on ? [...choice.listIds, listId] : choice.listIds.filter((x) => x !== listId) });

  return (
    <fieldset className="publish-distribution">
      <legend>{t("admin.publish.title")}</legend>
      <label className="choice">
        <input
          type="checkbox"
          checked={choice.subscribers}
          onChange={(e) => update({ ...choice, subscribers: e.target.checked })}
        />{" "}
        {t("admin.publish.subscribers")}
      </label>
      <p id={`${id}-lists`}>{t("admin.publish.lists")}</p>
      {lists?.length === 0 && <p className="hint">{t("admin.publish.noLists")}</p>}
      {lists?.map((l) => (
        <label key={l.id} className="choice">
          <input
            type="checkbox"
            checked={choice.listIds.includes(l.id)}
            onChange={(e) => toggleList(l.id, e.target.checked)}
          />{" "}
          {l.name} ({l.count})
        </label>
      ))}
      <label className="choice">
        <input
          type="checkbox"
          checked={choice.resend}
          onChange={(e) => update({ ...choice, resend: e.target.checked })}
        />{" "}
        {t("admin.publish.resend")}
      </label>
      <p role="status" aria-live="polite" className="recipient-count">
        {count === null
          ? t("admin.publish.counting")
          : t(embargoed ? "admin.publish.countEmbargo" : "admin.publish.count", { count })}
      </p>
    </fieldset>
  );
}
