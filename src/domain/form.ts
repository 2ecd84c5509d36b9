// What a server action returns to its form: error *codes* (translated by the UI), per-field
// validation keys, and the submitted values so nothing typed is lost.
import type { z } from "zod";
import type { ErrorCode } from "./errors";
import type { Result } from "./result";

export interface FormState {
  ok?: boolean;
  /** i18n key of a success message (admin namespace) */
  message?: string;
  /** error code (errors namespace) */
  error?: ErrorCode;
  errorParams?: Record<string, string | number>;
  /** field → validation key (validation namespace) */
  fieldErrors?: Record<string, string>;
  values?: Record<string, string>;
}

export const initialFormState: FormState = {};

/** A service's result as its form shows it: the success message, or the code (what was typed kept). */
export function formStateOf(result: Result<unknown>, message: string, values?: Record<string, string>): FormState {
  if (result.ok) return { ok: true, message };
  return { error: result.code, errorParams: result.params, values };
}

export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "_form");
    out[key] ??= issue.message;
  }
  return out;
}

/** The text fields of a form, for echoing back; secrets are never echoed. */
export function formValues(formData: FormData, omit: readonly string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !omit.includes(key) && !key.startsWith("$ACTION")) out[key] = value;
  }
  return out;
}

export const formString = (formData: FormData, key: string): string => {
  const value = formData.get(key);
  return typeof value === "string" ? value : "";
};
