"use client";
import { useActionState, type ReactNode } from "react";
import { FormStatus } from "@/components/admin/field";
import { initialFormState, type FormState } from "@/domain/form";

/** A small form posting hidden fields to a server action, with its result announced next to it. */
export function ActionForm({
  action,
  fields,
  children,
  className,
  confirm,
}: {
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  fields: Record<string, string>;
  children: ReactNode;
  className?: string;
  /** asks before submitting (destructive actions) */
  confirm?: string;
}) {
  const [state, run, pending] = useActionState(action, initialFormState);
  return (
    <form
      action={run}
      className={className ?? "inline-form"}
      onSubmit={(e) => {
        if (confirm && !window.confirm(confirm)) e.preventDefault();
      }}
    >
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <fieldset disabled={pending} className="bare">
        {children}
      </fieldset>
      <FormStatus error={state.error} errorParams={state.errorParams} message={state.message} />
    </form>
  );
}
