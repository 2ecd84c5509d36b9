"use server";
import { revalidatePath } from "next/cache";
import { can } from "@/domain/auth/permissions";
import { fieldErrorsOf, formStateOf, formString, formValues, type FormState } from "@/domain/form";
import { kitTextSchema } from "@/domain/presskit/kit";
import { getActor } from "../auth/current";
import { db } from "../db";
import { appMediaStore } from "../media/runtime";
import { removeKitFile, updateKitText } from "./store";

// Press-kit texts and removal (uploads go through the route /admin/releases/<id>/presskit, which
// streams multipart bodies past server actions' size limit). Who are you → validate → may you → do it.

const id = (formData: FormData, key: string) => formString(formData, key).slice(0, 64);
const TEXTS = ["titleZh", "titleEn", "creditZh", "creditEn"] as const;

export async function updateKitTextAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const actor = await getActor();
  if (!actor || !can(actor.role, "presskit.write")) return { error: "forbidden", values };
  const parsed = kitTextSchema.safeParse(Object.fromEntries(TEXTS.map((k) => [k, formString(formData, k)])));
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values };
  const releaseId = id(formData, "releaseId");
  const result = await updateKitText(db(), actor, releaseId, id(formData, "id"), parsed.data);
  if (result.ok) revalidatePath(`/admin/releases/${releaseId}`);
  return formStateOf(result, "presskit:kit.saved", values);
}

export async function removeKitFileAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const releaseId = id(formData, "releaseId");
  const result = await removeKitFile(db(), await getActor(), releaseId, id(formData, "id"), appMediaStore());
  if (result.ok) revalidatePath(`/admin/releases/${releaseId}`);
  return formStateOf(result, "presskit:kit.removed");
}
