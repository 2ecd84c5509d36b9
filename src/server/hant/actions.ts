"use server";
import { revalidatePath } from "next/cache";
import { can } from "@/domain/auth/permissions";
import { fieldErrorsOf, formStateOf, formString, formValues, type FormState } from "@/domain/form";
import { hantOverrideSchema } from "@/domain/hant/overrides";
import { getActor } from "../auth/current";
import { revalidatePublicContent } from "../cache-tags";
import { db } from "../db";
import { deleteHantOverride, saveHantOverride } from "./overrides";

// The Traditional edition's fixes: who are you → validate → the store checks "may you" → do it →
// purge the public cache (every zh-Hant page, feed and API answer may read differently now).

const FIELDS = ["wrong", "right", "note"] as const;

function changed(): void {
  revalidatePublicContent();
  revalidatePath("/admin/hant");
}

export async function saveHantOverrideAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const actor = await getActor();
  if (!actor || !can(actor.role, "hant.manage")) return { error: "forbidden", values };
  const parsed = hantOverrideSchema.safeParse(Object.fromEntries(FIELDS.map((k) => [k, formString(formData, k)])));
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values };
  const id = formString(formData, "id").slice(0, 64) || null;
  const result = await saveHantOverride(db(), actor, id, parsed.data);
  if (result.ok) changed();
  if (!result.ok && result.code === "hant_override_taken")
    return { fieldErrors: { wrong: "hant_override_taken" }, values };
  return formStateOf(result, id ? "hant.saved" : "hant.created", values);
}

export async function deleteHantOverrideAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const result = await deleteHantOverride(db(), await getActor(), formString(formData, "id").slice(0, 64));
  if (result.ok) changed();
  return formStateOf(result, "hant.deleted");
}
