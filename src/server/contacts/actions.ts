"use server";
import { revalidatePath } from "next/cache";
import { can } from "@/domain/auth/permissions";
import { contactSchema } from "@/domain/contacts/contact";
import { fieldErrorsOf, formStateOf, formString, formValues, type FormState } from "@/domain/form";
import { getActor } from "../auth/current";
import { db } from "../db";
import { deleteContact, saveContact, setReleaseContact } from "./store";

// Press contacts (docs/PRESS-KIT.md): who are you → validate → the store checks "may you" → do it.

const FIELDS = ["nameZh", "nameEn", "titleZh", "titleEn", "phone", "email"] as const;
const id = (formData: FormData, key: string) => formString(formData, key).slice(0, 64);

export async function saveContactAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const actor = await getActor();
  if (!actor || !can(actor.role, "contacts.manage")) return { error: "forbidden", values };
  const parsed = contactSchema.safeParse(Object.fromEntries(FIELDS.map((k) => [k, formString(formData, k)])));
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values };
  const contactId = id(formData, "id") || null;
  const result = await saveContact(db(), actor, contactId, parsed.data);
  if (result.ok) revalidatePath("/admin/contacts");
  return formStateOf(result, contactId ? "presskit:contacts.saved" : "presskit:contacts.created", values);
}

export async function deleteContactAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const result = await deleteContact(db(), await getActor(), id(formData, "id"));
  if (result.ok) revalidatePath("/admin/contacts");
  return formStateOf(result, "presskit:contacts.deleted");
}

/** Names a contact on a release (contactId) or removes it (remove=1). */
export async function releaseContactAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const releaseId = id(formData, "releaseId");
  const named = formString(formData, "remove") !== "1";
  const result = await setReleaseContact(db(), await getActor(), releaseId, id(formData, "contactId"), named);
  if (result.ok) revalidatePath(`/admin/releases/${releaseId}`);
  return formStateOf(result, named ? "presskit:contacts.release.added" : "presskit:contacts.release.removed");
}
