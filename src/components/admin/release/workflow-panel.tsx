"use client";
import { useRouter } from "next/navigation";
import { useCallback, useId, useState, useTransition, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { FormStatus } from "@/components/admin/field";
import { PublishDistribution } from "@/components/distribution/admin/publish-distribution";
import type { DistributionChoice } from "@/domain/distribution/schemas";
import { workflowAction } from "@/server/releases/actions";
import type { WorkflowResult } from "@/server/releases/action-results";

export interface ActionOption {
  type: "markTranslated" | "publish" | "withdraw";
  /** null when allowed; otherwise the error code explaining why not */
  reason: string | null;
}

/** Workflow buttons with a confirmation step; an action that is not possible says why. */
export function WorkflowPanel({
  releaseId,
  version,
  onVersionChange,
  options,
  blocked,
  confirmExtra,
}: {
  releaseId: string;
  version: number;
  onVersionChange: (v: number) => void;
  options: ActionOption[];
  /** unsaved edits: save first, so an action never applies to text the user has not saved */
  blocked: boolean;
  /** shown in an action's confirmation step (the check before "Mark as translated") */
  confirmExtra?: Partial<Record<ActionOption["type"], ReactNode>>;
}) {
  const { t } = useTranslation("admin");
  const router = useRouter();
  const [confirming, setConfirming] = useState<ActionOption["type"] | null>(null);
  const [at, setAt] = useState("");
  const [result, setResult] = useState<WorkflowResult | null>(null);
  const [pending, startTransition] = useTransition();
  const [distribution, setDistribution] = useState<DistributionChoice | undefined>();
  const onDistribution = useCallback((c: DistributionChoice) => setDistribution(c), []);
  const atId = useId();

  const run = (type: ActionOption["type"]) =>
    startTransition(async () => {
      const command =
        type === "publish" ? { type, at: at ? new Date(at).toISOString() : null, distribution } : { type };
      const r = await workflowAction(releaseId, version, command);
      setResult(r);
      setConfirming(null);
      if (r.ok) {
        onVersionChange(r.value.version);
        router.refresh();
      }
    });

  return (
    <section className="panel" aria-labelledby={`${atId}-h`}>
      <h2 id={`${atId}-h`}>{t("workflow.title")}</h2>
      <FormStatus
        error={result && !result.ok ? result.code : undefined}
        message={
          result?.ok
            ? result.value.embargoed
              ? "workflow.scheduled"
              : `workflow.done.${result.value.status}`
            : undefined
        }
      />
      {blocked && <p className="hint">{t("workflow.saveFirst")}</p>}
      {options.map(({ type, reason }) => (
        <div key={type} className="workflow-action">
          {confirming === type ? (
            <div className="confirm" role="group" aria-label={t(`workflow.${type}`)}>
              <p>{t(`workflow.confirm.${type}`)}</p>
              {confirmExtra?.[type]}
              {type === "publish" && (
                <p className="field">
                  <label htmlFor={atId}>{t("workflow.publishAt")}</label>
                  <input id={atId} type="datetime-local" step={1} value={at} onChange={(e) => setAt(e.target.value)} />
                  <span className="hint">{t("workflow.publishAtHint")}</span>
                </p>
              )}
              {type === "publish" && (
                <PublishDistribution
                  releaseId={releaseId}
                  embargoed={!!at && new Date(at) > new Date()}
                  onChange={onDistribution}
                />
              )}
              <button type="button" onClick={() => run(type)} disabled={pending}>
                {t("workflow.confirmButton")}
              </button>{" "}
              <button type="button" className="secondary" onClick={() => setConfirming(null)}>
                {t("workflow.cancel")}
              </button>
            </div>
          ) : (
            <>
              <button
                type="button"
                className={type === "withdraw" ? "danger" : undefined}
                disabled={!!reason || blocked || pending}
                aria-describedby={reason ? `${atId}-${type}-why` : undefined}
                onClick={() => setConfirming(type)}
              >
                {t(`workflow.${type}`)}
              </button>
              {reason && <WhyNot id={`${atId}-${type}-why`} code={reason} />}
            </>
          )}
        </div>
      ))}
    </section>
  );
}

function WhyNot({ id, code }: { id: string; code: string }) {
  const { t } = useTranslation("errors");
  return (
    <span id={id} className="hint">
      {" "}
      {t(code)}
    </span>
  );
}
