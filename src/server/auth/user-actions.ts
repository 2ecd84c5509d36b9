"use server";
import { revalidatePath } from "next/cache";
import { createUserSchema, newPasswordSchema, roleSchema } from "@/domain/auth/schemas";
import { fieldErrorsOf, formStateOf, formString, formValues, type FormState } from "@/domain/form";
import { db } from "../db";
import { getActor } from "./current";
import { changeRole, createUser, resetPassword, setDisabled, type UserResult } from "./users";

// User administration actions: who are you → validate → the service checks "may you" → do it.

function toState(result: UserResult<unknown>, message: string, values?: Record<string, string>): FormState {
  if (result.ok) revalidatePath("/admin/users");
  return formStateOf(result, message, values);
}

export async function createUserAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData, ["password"]);
  const parsed = createUserSchema.safeParse(
    Object.fromEntries(["email", "displayName", "role", "password"].map((k) => [k, formString(formData, k)])),
  );
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values };
  return toState(await createUser(db(), await getActor(), parsed.data), "users.created", values);
}

export async function changeRoleAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const role = roleSchema.safeParse(formString(formData, "role"));
  if (!role.success) return { fieldErrors: { role: "role_invalid" } };
  return toState(await changeRole(db(), await getActor(), formString(formData, "userId"), role.data), "users.saved");
}

export async function setDisabledAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const disabled = formString(formData, "disabled") === "true";
  return toState(await setDisabled(db(), await getActor(), formString(formData, "userId"), disabled), "users.saved");
}

export async function resetPasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const password = newPasswordSchema.safeParse(formString(formData, "password"));
  if (!password.success) return { fieldErrors: { password: password.error.issues[0]!.message } };
  return toState(
    await resetPassword(db(), await getActor(), formString(formData, "userId"), password.data),
    "users.passwordReset",
  );
}
