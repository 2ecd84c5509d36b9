"use client";
import { useActionState, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { FormStatus } from "@/components/admin/field";
import { initialFormState } from "@/domain/form";
import { assignTranslationAction, unassignTranslationAction } from "@/server/assignments/actions";

export interface AssignmentView {
  assignee: string;
  /** formatted in the reader's language and the agency's time zone */
  due: string;
  overdue: boolean;
  started: boolean;
  completed: boolean;
  note: string;
}

/** Who translates this release by when; editors and admins (assignees given) assign or remove. */
export function AssignmentPanel({
  releaseId,
  current,
  assignees,
}: {
  releaseId: string;
  current: AssignmentView | null;
  /** null: the reader may not assign */
  assignees: { id: string; name: string }[] | null;
}) {
  const { t } = useTranslation("admin");
  const id = useId();
  return (
    <section className="panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t("workbench.assignments.title")}</h2>
      {current ? (
        <p>
          {t("workbench.assignments.current", { name: current.assignee, due: current.due })}{" "}
          {current.overdue && !current.completed && <span className="overdue">{t("workbench.my.overdue")}</span>}{" "}
          <span className="meta">
            {t(
              current.completed
                ? "workbench.assignments.completed"
                : current.started
                  ? "workbench.my.started"
                  : "workbench.my.notStarted",
            )}
          </span>
          {current.note && <span className="hint"> — {current.note}</span>}
        </p>
      ) : (
        <p className="hint">{t("workbench.assignments.none")}</p>
      )}
      {assignees && <AssignForm releaseId={releaseId} assignees={assignees} />}
      {assignees && current && <Unassign releaseId={releaseId} />}
    </section>
  );
}

function AssignForm({ releaseId, assignees }: { releaseId: string; assignees: { id: string; name: string }[] }) {
  const { t } = useTranslation(["admin", "validation"]);
  const [state, action, pending] = useActionState(assignTranslationAction, initialFormState);
  const [due, setDue] = useState("");
  const id = useId();
  return (
    <form action={action} className="inline-form">
      <input type="hidden" name="releaseId" value={releaseId} />
      <input type="hidden" name="dueAt" value={due} />
      <label htmlFor={`${id}-who`}>{t("workbench.assignments.assignee")}</label>
      <select id={`${id}-who`} name="assigneeId" defaultValue="">
        <option value="">—</option>
        {assignees.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-due`}>{t("workbench.assignments.due")}</label>
      <input
        id={`${id}-due`}
        type="datetime-local"
        onChange={(e) => setDue(e.target.value ? new Date(e.target.value).toISOString() : "")}
      />
      <label htmlFor={`${id}-note`}>{t("workbench.assignments.note")}</label>
      <input id={`${id}-note`} name="note" maxLength={500} />
      <button type="submit" disabled={pending}>
        {t("workbench.assignments.assign")}
      </button>
      <FormStatus error={state.error} message={state.message} />
      {Object.values(state.fieldErrors ?? {}).map((key) => (
        <p key={key} className="field-error">
          {t(key, { ns: "validation" })}
        </p>
      ))}
    </form>
  );
}

function Unassign({ releaseId }: { releaseId: string }) {
  const { t } = useTranslation("admin");
  const [state, action, pending] = useActionState(unassignTranslationAction, initialFormState);
  return (
    <form action={action}>
      <input type="hidden" name="releaseId" value={releaseId} />
      <button type="submit" className="secondary" disabled={pending}>
        {t("workbench.assignments.remove")}
      </button>
      <FormStatus error={state.error} message={state.message} />
    </form>
  );
}
