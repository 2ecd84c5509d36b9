"use server";
import { revalidatePath } from "next/cache";
import { WEBHOOK_EVENTS, isWebhookEvent } from "@/domain/distribution/states";
import { webhookSchema } from "@/domain/distribution/schemas";
import { fieldErrorsOf, formStateOf, formString, formValues, type FormState } from "@/domain/form";
import { getActor } from "../auth/current";
import { db } from "../db";
import { createWebhook, deleteWebhook, sendTestEvent, updateWebhook } from "./admin";

// Webhook actions (admins; the service checks the role). docs/DISTRIBUTION.md "Webhooks".

const events = (formData: FormData) => formData.getAll("events").filter(isWebhookEvent);
const webhookId = (formData: FormData) => {
  const v = formString(formData, "webhookId");
  return /^[A-Za-z0-9_-]{1,64}$/.test(v) ? v : "";
};

export async function createWebhookAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await getActor();
  if (!actor) return { error: "forbidden" };
  const values = { ...formValues(formData), events: events(formData).join(",") };
  const parsed = webhookSchema.safeParse({ url: formString(formData, "url"), events: events(formData) });
  if (!parsed.success) return { error: "invalid_input", fieldErrors: fieldErrorsOf(parsed.error), values };
  const result = await createWebhook(db(), actor, parsed.data);
  if (result.ok) revalidatePath("/admin/webhooks");
  return formStateOf(result, "mail:admin.webhooks.created", values);
}

export async function updateWebhookAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await getActor();
  if (!actor) return { error: "forbidden" };
  const intent = formString(formData, "intent");
  const chosen = events(formData);
  if (intent === "events" && chosen.length === 0)
    return { error: "invalid_input", fieldErrors: { events: "events_required" } };
  const change =
    intent === "events"
      ? { events: chosen.filter((e) => (WEBHOOK_EVENTS as readonly string[]).includes(e)) }
      : intent === "rotate"
        ? { rotateSecret: true }
        : { active: intent === "resume" };
  const result = await updateWebhook(db(), actor, webhookId(formData), change);
  if (result.ok) revalidatePath("/admin/webhooks");
  return formStateOf(result, "mail:admin.webhooks.updated");
}

export async function deleteWebhookAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await getActor();
  if (!actor) return { error: "forbidden" };
  const result = await deleteWebhook(db(), actor, webhookId(formData));
  if (result.ok) revalidatePath("/admin/webhooks");
  return formStateOf(result, "mail:admin.webhooks.deleted");
}

export async function testWebhookAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await getActor();
  if (!actor) return { error: "forbidden" };
  const result = await sendTestEvent(db(), actor, webhookId(formData));
  if (!result.ok) return { error: result.code };
  revalidatePath("/admin/webhooks");
  const { status, error } = result.value;
  return status !== null && status >= 200 && status < 300
    ? { ok: true, message: "mail:admin.webhooks.testOk" }
    : { error: "webhook_test_failed", errorParams: { status: status ?? "—", detail: error ?? "" } };
}
