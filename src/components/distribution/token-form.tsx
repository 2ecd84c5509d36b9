"use client";
import { useActionState } from "react";
import { FormStatus } from "@/components/admin/field";
import { initialFormState, type FormState } from "@/domain/form";

/** A page reached from an email link: nothing happens until the button is pressed (link scanners only GET). */
export function TokenForm({
  action,
  token,
  button,
  permalink,
}: {
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  token: string;
  button: string;
  /** this page's URL: the form's action before hydration */
  permalink: string;
}) {
  const [state, run, pending] = useActionState(action, initialFormState, permalink);
  return (
    <form action={run} className="token-form">
      <FormStatus error={state.error} message={state.message} />
      <input type="hidden" name="token" value={token} />
      {!state.ok && (
        <button type="submit" disabled={pending}>
          {button}
        </button>
      )}
    </form>
  );
}
