"use client";
import type { ContentLocale } from "@/i18n/settings";
import { useEffect, useRef, useState, useTransition, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { RichTextEditor } from "@/components/editor/rich-text-editor";
import { Field, FormStatus } from "@/components/admin/field";
import type { ContentValues, SaveResult } from "@/server/releases/action-results";
import { ConflictView } from "./conflict-view";
import { useLocalDraft } from "./use-local-draft";

// One language of a release: title, summary, slug, body. Explicit save with the version it was
// based on, a local autosave, and a conflict view instead of a silent overwrite.

export interface ContentEditorProps<V extends ContentValues> {
  lang: ContentLocale;
  draftKey: string;
  initial: V;
  /** the release version this form is based on; owned by the page so workflow actions can move it */
  baseVersion: number;
  onVersionChange: (version: number) => void;
  onDirtyChange?: (dirty: boolean) => void;
  save: (values: V, baseVersion: number) => Promise<SaveResult>;
  onSaved?: (result: Extract<SaveResult, { ok: true }>) => void;
  /** extra fields (category, date, confirmation) rendered before the body */
  extra?: (
    values: V,
    set: <K extends keyof V>(key: K, value: V[K]) => void,
    errors: Record<string, string>,
  ) => ReactNode;
  readOnly?: boolean;
  /** a change from outside the form (a translation memory match inserted): applied once per `seq` */
  apply?: { seq: number; update: (values: V) => V } | null;
}

export function ContentEditor<V extends ContentValues>(props: ContentEditorProps<V>) {
  const { t } = useTranslation("admin");
  const [values, setValues] = useState<V>(props.initial);
  const [saved, setSaved] = useState<V>(props.initial);
  const baseVersion = props.baseVersion;
  const setBaseVersion = props.onVersionChange;
  const [result, setResult] = useState<SaveResult | null>(null);
  const [resetKey, setResetKey] = useState(0);
  const [pending, startTransition] = useTransition();
  const dirty = JSON.stringify(values) !== JSON.stringify(saved);
  const { onDirtyChange } = props;
  useEffect(() => onDirtyChange?.(dirty), [dirty, onDirtyChange]);
  const draft = useLocalDraft(props.draftKey, values, dirty, baseVersion);
  const fieldErrors = (result && !result.ok && result.fieldErrors) || {};
  const tag = props.lang === "zh" ? "zh-CN" : "en";

  const set = <K extends keyof V>(key: K, value: V[K]) => setValues((v) => ({ ...v, [key]: value }));
  const replace = (next: V, version = baseVersion) => {
    setValues(next);
    setBaseVersion(version);
    setResetKey((k) => k + 1);
  };

  const submit = (version = baseVersion) =>
    startTransition(async () => {
      const r = await props.save(values, version);
      setResult(r);
      if (r.ok) {
        setSaved(values);
        setBaseVersion(r.value.version);
        draft.clear();
        props.onSaved?.(r);
      }
    });

  const { apply } = props;
  const applied = useRef(0);
  useEffect(() => {
    if (!apply || apply.seq === applied.current) return;
    applied.current = apply.seq;
    setValues((v) => apply.update(v));
    setResetKey((k) => k + 1);
  }, [apply]);

  const conflict = result && !result.ok ? result.conflict : undefined;
  return (
    <form
      className="stack"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      {draft.offer && (
        <div className="panel notice" role="region" aria-label={t("editor.localDraft")}>
          <p>{t("editor.localDraftFound", { time: new Date(draft.offer.savedAt).toLocaleString() })}</p>
          <button
            type="button"
            onClick={() => (replace(draft.offer!.values, draft.offer!.baseVersion), draft.dismissOffer())}
          >
            {t("editor.restoreDraft")}
          </button>{" "}
          <button type="button" className="secondary" onClick={draft.dismissOffer}>
            {t("editor.discardDraft")}
          </button>
        </div>
      )}
      <FormStatus
        error={result && !result.ok ? result.code : undefined}
        errorParams={result && !result.ok ? result.params : undefined}
        message={result?.ok ? "editor.saved" : undefined}
      />
      {conflict && (
        <ConflictView
          mine={values}
          theirs={conflict.theirs}
          onKeepMine={() => submit(conflict.version)}
          onUseTheirs={() => {
            if (conflict.theirs) replace({ ...values, ...conflict.theirs }, conflict.version);
            setResult(null);
          }}
        />
      )}
      <fieldset disabled={props.readOnly} className="stack plain">
        <Field
          label={t("fields.title")}
          name="title"
          lang={tag}
          value={values.title}
          onChange={(e) => set("title", e.target.value)}
          error={fieldErrors.title}
        />
        <div className="field">
          <label htmlFor={`${props.draftKey}-summary`}>{t("fields.summary")}</label>
          <textarea
            id={`${props.draftKey}-summary`}
            name="summary"
            lang={tag}
            rows={3}
            value={values.summary}
            aria-invalid={fieldErrors.summary ? true : undefined}
            onChange={(e) => set("summary", e.target.value)}
          />
          {fieldErrors.summary && <FieldMessage code={fieldErrors.summary} />}
        </div>
        <Field
          label={t("fields.slug")}
          name="slug"
          hint={t("fields.slugHint")}
          value={values.slug}
          onChange={(e) => set("slug", e.target.value)}
          error={fieldErrors.slug}
        />
        {props.extra?.(values, set, fieldErrors)}
        <RichTextEditor
          label={t("fields.body")}
          locale={props.lang}
          value={values.body}
          onChange={(body) => set("body", body)}
          invalid={!!fieldErrors.body}
          resetKey={resetKey}
        />
        {fieldErrors.body && <FieldMessage code={fieldErrors.body} />}
      </fieldset>
      {!props.readOnly && (
        <p>
          <button type="submit" disabled={pending}>
            {pending ? t("form.saving") : t("editor.save")}
          </button>{" "}
          {dirty && <span className="hint">{t("editor.unsaved")}</span>}
        </p>
      )}
    </form>
  );
}

function FieldMessage({ code }: { code: string }) {
  const { t } = useTranslation("validation");
  return <p className="field-error">{t(code)}</p>;
}
