"use server";
import { revalidatePath } from "next/cache";
import { createUserSchema, newPasswordSchema, roleSchema } from "@/domain/auth/schemas";
import { fieldErrorsOf, formString, formValues, type FormState } from "@/components/admin/form-state";
import { getCurrentUser } from "@/server/auth/current";
import { changeRole, createUser, resetPassword, setDisabled, type UserResult } from "@/server/auth/users";
import { db } from "@/server/db";

// User administration actions: who are you → validate → the service checks "may you" → do it.

async function actor() {
  const user = await getCurrentUser();
  return user ? { id: user.id, role: user.role, sessionId: user.sessionId } : null;
}

function toState(result: UserResult<unknown>, message: string, values?: Record<string, string>): FormState {
  if (!result.ok) return { error: result.code, values };
  revalidatePath("/admin/users");
  return { ok: true, message };
}

export async function createUserAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData, ["password"]);
  const parsed = createUserSchema.safeParse(
    Object.fromEntries(["email", "displayName", "role", "password"].map((k) => [k, formString(formData, k)])),
  );
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values };
  return toState(await createUser(db(), await actor(), parsed.data), "users.created", values);
}

export async function changeRoleAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const role = roleSchema.safeParse(formString(formData, "role"));
  if (!role.success) return { fieldErrors: { role: "role_invalid" } };
  return toState(await changeRole(db(), await actor(), formString(formData, "userId"), role.data), "users.saved");
}

export async function setDisabledAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const disabled = formString(formData, "disabled") === "true";
  return toState(await setDisabled(db(), await actor(), formString(formData, "userId"), disabled), "users.saved");
}

export async function resetPasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const password = newPasswordSchema.safeParse(formString(formData, "password"));
  if (!password.success) return { fieldErrors: { password: password.error.issues[0]!.message } };
  return toState(
    await resetPassword(db(), await actor(), formString(formData, "userId"), password.data),
    "users.passwordReset",
  );
}
