"use client";
import { useId, type InputHTMLAttributes } from "react";
import { useTranslation } from "react-i18next";

/** A labelled input with its validation message tied to it for screen readers. */
export function Field({
  label,
  name,
  error,
  hint,
  ...input
}: { label: string; name: string; error?: string; hint?: string } & InputHTMLAttributes<HTMLInputElement>) {
  const { t } = useTranslation("validation");
  const id = useId();
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      <input id={id} name={name} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...input} />
      {error && (
        <p id={`${id}-error`} className="field-error">
          {t(error)}
        </p>
      )}
    </div>
  );
}

/** Form-level result: an error code or a success message, announced politely. */
export function FormStatus({
  error,
  errorParams,
  message,
}: {
  error?: string;
  errorParams?: Record<string, string | number>;
  message?: string;
}) {
  const { t } = useTranslation(["errors", "admin"]);
  return (
    <div aria-live="polite" role="status" className="form-status">
      {error && <p className="form-error">{t(error, { ns: "errors", ...errorParams })}</p>}
      {message && <p className="form-ok">{t(message, { ns: "admin" })}</p>}
    </div>
  );
}
