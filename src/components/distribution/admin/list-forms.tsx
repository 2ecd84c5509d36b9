"use client";
import { useActionState } from "react";
import { useTranslation } from "react-i18next";
import { Field, FormStatus } from "@/components/admin/field";
import { MAIL_LANGUAGES } from "@/domain/distribution/languages";
import { initialFormState } from "@/domain/form";
import {
  addJournalistAction,
  createListAction,
  importJournalistsAction,
  type ImportState,
} from "@/server/distribution/actions";

export function CreateListForm() {
  const { t } = useTranslation("mail");
  const [state, action, pending] = useActionState(createListAction, initialFormState);
  return (
    <form action={action} className="stack panel" noValidate key={state.ok ? "done" : "editing"}>
      <h2>{t("admin.distribution.createList")}</h2>
      <FormStatus error={state.error} message={state.message} />
      <Field
        label={t("admin.distribution.listName")}
        name="name"
        required
        maxLength={120}
        defaultValue={state.ok ? "" : (state.values?.name ?? "")}
        error={state.fieldErrors?.name}
      />
      <button type="submit" disabled={pending}>
        {t("admin.distribution.create")}
      </button>
    </form>
  );
}

export function AddJournalistForm({ listId }: { listId: string }) {
  const { t } = useTranslation("mail");
  const [state, action, pending] = useActionState(addJournalistAction, initialFormState);
  const v = state.ok ? {} : (state.values ?? {});
  return (
    <form action={action} className="stack panel" noValidate key={state.ok ? "done" : "editing"}>
      <h2>{t("admin.lists.add")}</h2>
      <FormStatus error={state.error} message={state.message} />
      <input type="hidden" name="listId" value={listId} />
      <Field
        label={t("admin.lists.name")}
        name="name"
        required
        defaultValue={v.name ?? ""}
        error={state.fieldErrors?.name}
      />
      <Field
        label={t("admin.lists.email")}
        name="email"
        type="email"
        required
        defaultValue={v.email ?? ""}
        error={state.fieldErrors?.email}
      />
      <Field
        label={t("admin.lists.organisation")}
        name="organisation"
        defaultValue={v.organisation ?? ""}
        error={state.fieldErrors?.organisation}
      />
      <div className="field">
        <label htmlFor="journalist-language">{t("admin.lists.language")}</label>
        <select id="journalist-language" name="language" defaultValue={v.language ?? "zh"}>
          {MAIL_LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {t(`admin.languages.${l}`)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" disabled={pending}>
        {t("admin.lists.addButton")}
      </button>
    </form>
  );
}

export function ImportForm({ listId }: { listId: string }) {
  const { t } = useTranslation("mail");
  const [state, action, pending] = useActionState<ImportState, FormData>(importJournalistsAction, initialFormState);
  const report = state.report;
  return (
    <form action={action} className="stack panel" noValidate>
      <h2>{t("admin.import.title")}</h2>
      <p className="hint">{t("admin.import.hint")}</p>
      <FormStatus error={state.error} message={state.message} />
      <input type="hidden" name="listId" value={listId} />
      <Field
        label={t("admin.import.file")}
        name="file"
        type="file"
        accept=".csv,text/csv"
        required
        error={state.fieldErrors?.file}
      />
      <button type="submit" disabled={pending}>
        {t("admin.import.submit")}
      </button>
      {report && (
        <div>
          <p>
            {t("admin.import.summary", {
              added: report.added,
              updated: report.updated,
              rejected: report.rejectedTotal,
            })}
          </p>
          {report.rejected.length > 0 && (
            <table>
              <caption>{t("admin.import.rejectedTitle")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("admin.import.line")}</th>
                  <th scope="col">{t("admin.lists.email")}</th>
                  <th scope="col">{t("admin.import.reason")}</th>
                </tr>
              </thead>
              <tbody>
                {report.rejected.map((r) => (
                  <tr key={`${r.line}-${r.email}`}>
                    <td>{r.line}</td>
                    <td>{r.email}</td>
                    <td>{t(`admin.import.reasons.${r.reason}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {report.rejectedTotal > report.rejected.length && (
            <p className="hint">
              {t("admin.import.moreRejected", { shown: report.rejected.length, total: report.rejectedTotal })}
            </p>
          )}
        </div>
      )}
    </form>
  );
}
