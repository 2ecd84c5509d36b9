"use client";
import { useActionState } from "react";
import { useTranslation } from "react-i18next";
import { Field, FormStatus } from "@/components/admin/field";
import { WEBHOOK_EVENTS } from "@/domain/distribution/states";
import { initialFormState } from "@/domain/form";
import { createWebhookAction, updateWebhookAction } from "@/server/webhooks/actions";

function EventBoxes({ chosen, legend, error }: { chosen: Set<string>; legend: string; error?: string }) {
  const { t } = useTranslation("validation");
  return (
    <fieldset>
      <legend>{legend}</legend>
      {WEBHOOK_EVENTS.map((e) => (
        <label key={e} className="choice">
          <input type="checkbox" name="events" value={e} defaultChecked={chosen.has(e)} /> <code>{e}</code>
        </label>
      ))}
      {error && <p className="field-error">{t(error)}</p>}
    </fieldset>
  );
}

export function CreateWebhookForm() {
  const { t } = useTranslation("mail");
  const [state, action, pending] = useActionState(createWebhookAction, initialFormState);
  const v = state.ok ? {} : (state.values ?? {});
  const chosen = new Set(v.events !== undefined ? v.events.split(",") : WEBHOOK_EVENTS);
  return (
    <form action={action} className="stack panel" noValidate key={state.ok ? "done" : "editing"}>
      <h2>{t("admin.webhooks.create")}</h2>
      <FormStatus error={state.error} message={state.message} />
      <Field
        label={t("admin.webhooks.url")}
        name="url"
        type="url"
        required
        defaultValue={v.url ?? ""}
        error={state.fieldErrors?.url}
      />
      <EventBoxes chosen={chosen} legend={t("admin.webhooks.events")} error={state.fieldErrors?.events} />
      <button type="submit" disabled={pending}>
        {t("admin.webhooks.createButton")}
      </button>
    </form>
  );
}

export function WebhookEventsForm({ webhookId, events }: { webhookId: string; events: string[] }) {
  const { t } = useTranslation("mail");
  const [state, action, pending] = useActionState(updateWebhookAction, initialFormState);
  return (
    <form action={action} className="stack">
      <FormStatus error={state.error} message={state.message} />
      <input type="hidden" name="webhookId" value={webhookId} />
      <input type="hidden" name="intent" value="events" />
      <EventBoxes chosen={new Set(events)} legend={t("admin.webhooks.events")} error={state.fieldErrors?.events} />
      <button type="submit" className="secondary" disabled={pending}>
        {t("admin.webhooks.saveEvents")}
      </button>
    </form>
  );
}
