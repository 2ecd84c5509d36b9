"use client";
import { useActionState } from "react";
import { useTranslation } from "react-i18next";
import { Field, FormStatus } from "@/components/admin/field";
import { initialFormState } from "@/domain/form";
import type { GlossaryEntry } from "@/domain/glossary/terms";
import {
  deleteGlossaryTermAction,
  importGlossaryCsvAction,
  saveGlossaryTermAction,
  setTermBlockingAction,
  type CsvImportState,
} from "@/server/glossary/actions";

/** Create (no entry) or edit one glossary entry. Renderings one per line. */
export function GlossaryTermForm({ entry }: { entry?: GlossaryEntry }) {
  const { t } = useTranslation("admin");
  const [state, action, pending] = useActionState(saveGlossaryTermAction, initialFormState);
  const v = state.values ?? {};
  const value = (k: string, fallback: string) => v[k] ?? fallback;
  const prefix = entry ? `edit-${entry.id}` : "new";
  return (
    <form action={action} className="stack" noValidate key={state.ok && !entry ? "done" : "editing"}>
      {entry && <input type="hidden" name="id" value={entry.id} />}
      <FormStatus error={state.error} message={state.message} />
      <Field
        label={t("workbench.glossary.term")}
        name="term"
        lang="zh-CN"
        required
        defaultValue={value("term", entry?.term ?? "")}
        error={state.fieldErrors?.term}
      />
      <TextArea
        id={`${prefix}-approved`}
        name="approved"
        label={t("workbench.glossary.approved")}
        hint={t("workbench.glossary.onePerLine")}
        defaultValue={value("approved", entry?.approved.join("\n") ?? "")}
        error={state.fieldErrors?.approved}
      />
      <TextArea
        id={`${prefix}-forbidden`}
        name="forbidden"
        label={t("workbench.glossary.forbidden")}
        hint={t("workbench.glossary.onePerLine")}
        defaultValue={value("forbidden", entry?.forbidden.join("\n") ?? "")}
        error={state.fieldErrors?.forbidden}
      />
      <Field
        label={t("workbench.glossary.note")}
        name="note"
        defaultValue={value("note", entry?.note ?? "")}
        error={state.fieldErrors?.note}
      />
      <Field
        label={t("workbench.glossary.category")}
        name="category"
        list="glossary-categories"
        defaultValue={value("category", entry?.category ?? "")}
        error={state.fieldErrors?.category}
      />
      <p>
        <button type="submit" disabled={pending}>
          {entry ? t("workbench.glossary.save") : t("workbench.glossary.add")}
        </button>
      </p>
    </form>
  );
}

function TextArea(p: { id: string; name: string; label: string; hint: string; defaultValue: string; error?: string }) {
  const { t } = useTranslation("validation");
  return (
    <div className="field">
      <label htmlFor={p.id}>{p.label}</label>
      <p id={`${p.id}-hint`} className="hint">
        {p.hint}
      </p>
      <textarea
        id={p.id}
        name={p.name}
        rows={2}
        lang="en"
        defaultValue={p.defaultValue}
        aria-describedby={`${p.id}-hint`}
        aria-invalid={p.error ? true : undefined}
      />
      {p.error && <p className="field-error">{t(p.error)}</p>}
    </div>
  );
}

export function DeleteGlossaryTermButton({ id, term }: { id: string; term: string }) {
  const { t } = useTranslation("admin");
  const [state, action, pending] = useActionState(deleteGlossaryTermAction, initialFormState);
  return (
    <form
      action={action}
      onSubmit={(e) => void (!window.confirm(t("workbench.glossary.deleteConfirm", { term })) && e.preventDefault())}
    >
      <input type="hidden" name="id" value={id} />
      <button
        type="submit"
        className="secondary"
        disabled={pending}
        aria-label={t("workbench.glossary.deleteLabel", { term })}
      >
        {t("workbench.glossary.delete")}
      </button>
      <FormStatus error={state.error} />
    </form>
  );
}

export function GlossaryImportForm() {
  const { t } = useTranslation("admin");
  const [state, action, pending] = useActionState<CsvImportState, FormData>(importGlossaryCsvAction, initialFormState);
  const report = state.report;
  return (
    <form action={action} className="stack">
      <FormStatus error={state.error} errorParams={state.errorParams} message={state.message} />
      <div className="field">
        <label htmlFor="glossary-csv">{t("workbench.glossary.csvFile")}</label>
        <p id="glossary-csv-hint" className="hint">
          {t("workbench.glossary.csvHint")}
        </p>
        <input id="glossary-csv" type="file" name="file" accept=".csv,text/csv" aria-describedby="glossary-csv-hint" />
      </div>
      <p>
        <button type="submit" disabled={pending}>
          {t("workbench.glossary.import")}
        </button>
      </p>
      {report && <ImportReport report={report} />}
    </form>
  );
}

function ImportReport({ report }: { report: NonNullable<CsvImportState["report"]> }) {
  const { t } = useTranslation(["admin", "validation"]);
  return (
    <section aria-labelledby="csv-report-h">
      <h3 id="csv-report-h">
        {t("workbench.glossary.report", {
          created: report.created,
          updated: report.updated,
          rejected: report.rejected.length,
        })}
      </h3>
      {report.rejected.length > 0 && (
        <table>
          <caption>{t("workbench.glossary.rejected")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("workbench.glossary.line")}</th>
              <th scope="col">{t("workbench.glossary.term")}</th>
              <th scope="col">{t("workbench.glossary.reason")}</th>
            </tr>
          </thead>
          <tbody>
            {report.rejected.map((r) => (
              <tr key={r.line}>
                <td>{r.line}</td>
                <td lang="zh-CN">{r.term}</td>
                <td>{t(r.reason, { ns: "validation" })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function TermBlockingForm({ enabled }: { enabled: boolean }) {
  const { t } = useTranslation("admin");
  const [state, action, pending] = useActionState(setTermBlockingAction, initialFormState);
  return (
    <form action={action} className="inline-form">
      <input type="hidden" name="enabled" value={enabled ? "false" : "true"} />
      <span>{t(enabled ? "workbench.glossary.blockingIsOn" : "workbench.glossary.blockingIsOff")}</span>
      <button type="submit" className="secondary" disabled={pending}>
        {t(enabled ? "workbench.glossary.turnOff" : "workbench.glossary.turnOn")}
      </button>
      <FormStatus error={state.error} message={state.message} />
    </form>
  );
}
