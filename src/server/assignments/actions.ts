"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formStateOf, formString, formValues, type FormState } from "@/domain/form";
import { getActor } from "../auth/current";
import { db } from "../db";
import { assignTranslation, unassignTranslation } from "./service";

// Assignment actions: who are you → validate → the service checks "may you" → do it.

const assignSchema = z.object({
  releaseId: z.string().min(1).max(64),
  assigneeId: z.string().min(1, "assignee_required").max(64),
  dueAt: z.iso.datetime({ offset: true, message: "due_invalid" }).transform((s) => new Date(s)),
  note: z.string().trim().max(500).default(""),
});

export async function assignTranslationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = assignSchema.safeParse({
    releaseId: formString(formData, "releaseId"),
    assigneeId: formString(formData, "assigneeId"),
    dueAt: formString(formData, "dueAt"),
    note: formString(formData, "note"),
  });
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? "");
    const key = parsed.error.issues[0]?.message ?? "";
    return field === "releaseId" ? { error: "invalid_input", values } : { fieldErrors: { [field]: key }, values };
  }
  const result = await assignTranslation(db(), await getActor(), parsed.data);
  if (result.ok) revalidatePath(`/admin/releases/${parsed.data.releaseId}`, "layout");
  if (!result.ok && result.code === "assignee_invalid")
    return { fieldErrors: { assigneeId: "assignee_required" }, values };
  return formStateOf(result, "workbench.assignments.saved", values);
}

export async function unassignTranslationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const releaseId = formString(formData, "releaseId").slice(0, 64);
  const result = await unassignTranslation(db(), await getActor(), releaseId);
  if (result.ok) revalidatePath(`/admin/releases/${releaseId}`, "layout");
  return formStateOf(result, "workbench.assignments.removed");
}
